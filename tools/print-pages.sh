#!/usr/bin/env bash
# Prints the real agency web pages of ../shared/real (every .html/.htm/.shtml under it) to PDF with
# headless Chromium, as a user's "print to PDF" does, into a folder OUTSIDE the project (they come
# from public archives and are never committed), then extracts them and scores them against the
# same truth as the pages themselves. Two prints of each page: "stamped" (the browser's date,
# title, address and page n/N in the margins, Chromium's default) and "bare" (without them).
# Usage: tools/print-pages.sh [out-dir] [real-dir]   (run by ./run.sh print-pages)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-${TMPDIR:-/tmp}/extractreports-prints}"
real="${2:-$here/../shared/real}"
case "$(realpath -m "$out")/" in "$here"/*) echo "print-pages: $out is inside the project; printed pages are never committed" >&2; exit 2 ;; esac
cli="$here/src/ExtractReports.Cli/bin/Release/net10.0/ExtractReports.Cli.dll"
mapfile -t pages < <(find "$real" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.shtml' \) | sort)
[[ ${#pages[@]} -gt 0 ]] || { echo "print-pages: no web pages under $real" >&2; exit 1; }
mapfile -t truths < <(find "$real" -type f -name truth.csv | sort)
truth_args=(); for t in "${truths[@]}"; do truth_args+=(--truth "$t"); done
for variant in stamped bare; do
  rm -rf "$out/$variant" "$out/$variant-out"; mkdir -p "$out/$variant"
  for page in "${pages[@]}"; do
    name=$(basename "${page%.*}")
    "$here/tools/print-page.sh" "$page" "$out/$variant/$name.pdf" $([[ $variant == bare ]] && echo --bare)
  done
  dotnet "$cli" extract "$out/$variant" --out "$out/$variant-out" --rebuild >/dev/null
  echo "== $variant: ${#pages[@]} pages printed into $out/$variant"
  # Score only the printed documents: the truth files also hold the text dumps' documents.
  ids=$(for p in "${pages[@]}"; do b=$(basename "${p%.*}"); echo "$b"; done)
  filtered="$out/$variant-truth.csv"
  { echo "document,field,value"; for t in "${truths[@]}"; do tail -n +2 "$t"; done | grep -F -f <(sed 's/$/,/' <<<"$ids") || true; } > "$filtered"
  dotnet "$cli" eval "$out/$variant-out" --truth "$filtered" || true
done
