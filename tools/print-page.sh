#!/usr/bin/env bash
# Prints one web page to PDF as a user's "print to PDF" does: headless Chromium, Letter paper,
# with the browser's header and footer (date and title above, address and page n/N below).
# Usage: tools/print-page.sh page.html out.pdf [--bare]   (--bare: without header and footer)
set -euo pipefail
page="$1"; out="$2"; shift 2
extra=()
[[ "${1:-}" == --bare ]] && extra+=(--no-pdf-header-footer)
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
# --no-sandbox: root in a container has no user namespace for the sandbox; the pages are local files.
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
  --user-data-dir="$(mktemp -d)" "${extra[@]}" --print-to-pdf="$out" "file://$(realpath "$page")" >/dev/null 2>&1
[[ -s "$out" ]] || { echo "print-page: $page was not printed" >&2; exit 1; }
