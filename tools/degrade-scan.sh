#!/usr/bin/env bash
# Makes a "scan" of a PDF the way office scanners and faxes do: rasterize, rotate slightly, add noise
# and a little blur, grayscale, JPEG-compress, and wrap the pages again as a PDF with img2pdf.
# Deterministic: ImageMagick's noise is seeded, img2pdf writes no timestamps.
#
# usage: tools/degrade-scan.sh IN.pdf OUT KIND DPI ANGLE QUALITY NOISE BLUR FIRST_PAGE_ONLY SEED
#   KIND     pdf (JPEG pages in a PDF) | jpg | png (first page) | tiff (every page, bilevel G4 like a fax)
#   ANGLE    degrees, within ±1.5;  QUALITY  JPEG quality 50-85;  NOISE  Gaussian attenuation (0.3-1)
#   BLUR     Gaussian sigma in pixels (0.3-0.8)
set -euo pipefail
in="$1"; out="$2"; kind="$3"; dpi="$4"; angle="$5"; quality="$6"; noise="$7"; blur="$8"; first="$9"; seed="${10}"
im=/usr/bin/convert   # ImageMagick itself (see DEPENDENCIES.md)
# One thread: ImageMagick's seeded noise is only reproducible without OpenMP splitting the image.
export MAGICK_THREAD_LIMIT=1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

range=()
[[ "$first" == 1 ]] && range=(-f 1 -l 1)
pdftoppm -r "$dpi" -gray -png "${range[@]}" "$in" "$tmp/page"

i=0
for page in $(ls "$tmp"/page-*.png | sort -V); do
  i=$((i + 1))
  size="$(identify -format '%wx%h' "$page")"
  # Rotate about the centre on white paper and crop back to the sheet; then sensor noise and optics blur.
  "$im" "$page" -seed $((seed + i)) -background white -rotate "$angle" -gravity center -extent "$size" +repage \
    -attenuate "$noise" +noise Gaussian -blur "0x$blur" -colorspace Gray -depth 8 "$tmp/d-$(printf %03d $i).png"
done

case "$kind" in
  pdf)
    # The density goes into the JPEG so that img2pdf sizes the page as the paper was (not at 96 dpi).
    for p in "$tmp"/d-*.png; do "$im" "$p" -quality "$quality" -density "$dpi" -units PixelsPerInch "${p%.png}.jpg"; done
    img2pdf --nodate -o "$out" "$tmp"/d-*.jpg ;;
  jpg)
    "$im" "$tmp/d-001.png" -quality "$quality" -density "$dpi" -units PixelsPerInch "$out" ;;
  png)
    # PNG keeps every speck of noise; reduce to 16 grey levels as scanner software does, to stay small.
    "$im" "$tmp/d-001.png" -posterize 16 -density "$dpi" -units PixelsPerInch "$out" ;;
  tiff)
    "$im" "$tmp"/d-*.png -threshold 55% -type bilevel -compress Group4 -density "$dpi" -units PixelsPerInch "$out" ;;
  *) echo "unknown kind $kind" >&2; exit 2 ;;
esac
