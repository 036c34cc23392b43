#!/usr/bin/env bash
# A plain office scan of a PDF: every page rasterized in grey at DPI, JPEG quality 60, wrapped again
# as an image-only PDF by headless Chromium (no ImageMagick or img2pdf needed; Chromium keeps the
# JPEGs as they are). Cleaner than tools/degrade-scan.sh's (no rotation, noise or blur).
# Usage: tools/scan-pdf.sh in.pdf out.pdf [dpi]
set -euo pipefail
in="$1"; out="$2"; dpi="${3:-200}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
pdftoppm -r "$dpi" -gray -jpeg -jpegopt quality=60 "$in" "$tmp/page"
read -r w h < <(pdfinfo "$in" | awk '/^Page size:/ { printf "%.2f %.2f\n", $3, $5 }')
# Each image a hair shorter than its page: at the page's exact height rounding pushes it onto a page of its own.
{
  echo "<!DOCTYPE html><html><head><style>@page{size:${w}pt ${h}pt;margin:0} body{margin:0} img{display:block;width:${w}pt;height:$(awk -v h="$h" 'BEGIN{print h-2}')pt;break-after:page} img:last-child{break-after:auto}</style></head><body>"
  for p in $(ls "$tmp"/page-*.jpg | sort -V); do echo "<img src=\"$(basename "$p")\">"; done
  echo "</body></html>"
} > "$tmp/scan.html"
"$(dirname "$0")/print-page.sh" "$tmp/scan.html" "$out" --bare
