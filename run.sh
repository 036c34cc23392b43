#!/usr/bin/env bash
# ExtractReports entry point on Linux (run.ps1 is its Windows mirror).
#   ./run.sh extract corpus [--out out]     extract every report under corpus/ into out/
#   ./run.sh crawl sources.csv --out out    fetch agencies' new reports and extract them into out/
#   ./run.sh merge out-*/ --out all         combine the folders of `extract --shard i/n` runs
#   ./run.sh eval out --truth corpus        score out/ against the truth files under corpus/
#   ./run.sh test                           build and run the test suite
#   ./run.sh bench [name]                   run the benchmarks (`bench batch`: 1,000 and 10,000 documents)
#   ./run.sh property [N]                   the damaged-report property over N random reports (default 20000)
#   ./run.sh scan-matrix eval [options]     score the scan-conditions matrix (tools/ExtractReports.ScanMatrix)
#   ./run.sh print-pages [dir]              print ../shared/real's web pages to PDF (Chromium) outside the project; score them
# It installs what it needs: the Debian packages of the native engines (poppler, Tesseract with
# Chinese data, leptonica) when missing, ImageMagick and a CJK font (the OCR tests draw their pages
# with them), and the NuGet packages (restore).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

DEBS=(poppler-utils tesseract-ocr tesseract-ocr-chi-sim libtesseract5 liblept5 imagemagick fonts-wqy-zenhei)

missing_debs() {
  local m=()
  command -v pdftotext >/dev/null 2>&1 || m+=(poppler-utils)
  command -v tesseract >/dev/null 2>&1 || m+=(tesseract-ocr)
  [ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || m+=(tesseract-ocr-chi-sim)
  # Orientation detection of pages fed sideways or upside down (tesseract-ocr depends on it; checked in case it was removed).
  [ -f /usr/share/tesseract-ocr/5/tessdata/osd.traineddata ] || m+=(tesseract-ocr-osd)
  ldconfig -p 2>/dev/null | grep 'libtesseract.so.5' >/dev/null || m+=(libtesseract5)
  ldconfig -p 2>/dev/null | grep 'liblept.so.5' >/dev/null || m+=(liblept5)
  # ImageMagick itself (a convert on PATH may be something else that answers to the name).
  convert -version 2>/dev/null | grep -q '^Version: ImageMagick' || m+=(imagemagick)
  [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || m+=(fonts-wqy-zenhei)
  echo "${m[@]:-}"
}

ensure_engines() {
  local need; need=$(missing_debs)
  [ -z "$need" ] && return 0
  echo "installing native engines: $need" >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! $sudo apt-get install -y -qq $need >/dev/null 2>&1; then
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need >/dev/null
  fi
}

# Debian's chromium: the review page's end-to-end tests drive it (Playwright with /usr/bin/chromium), and it
# prints web pages to PDF (./run.sh print-pages, tools/make-corpus.sh print).
ensure_browser() {
  [ -x /usr/bin/chromium ] && return 0
  echo "installing chromium" >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null 2>&1; then
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

CONFIG=Release
CLI=src/ExtractReports.Cli/bin/$CONFIG/net10.0/ExtractReports.Cli.dll

# Touched after every successful build: MSBuild leaves an output file's time alone when it did not need to rewrite it.
STAMP=src/ExtractReports.Cli/bin/$CONFIG/net10.0/.built

build() { dotnet build ExtractReports.sln -c "$CONFIG" -v q --nologo -clp:ErrorsOnly >&2 && touch "$STAMP"; }

# The build check costs about 2 s a call even when nothing changed, most of an unchanged nightly
# rerun: skip it when the last build is newer than every source, project and model file.
build_if_stale() {
  if [ -f "$CLI" ] && [ -f "$STAMP" ] && [ -z "$(find src models ExtractReports.sln -newer "$STAMP" -type f \
        \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.csv' -o -name '*.json' -o -name '*.sln' \) \
        -not -path '*/obj/*' -not -path '*/bin/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  build
}

cmd=${1:-help}
[ $# -gt 0 ] && shift
case "$cmd" in
  extract|crawl)
    ensure_engines; build_if_stale
    if [[ " $* " != *" --out "* && " $* " != *" -o "* ]]; then set -- "$@" --out out; fi
    exec dotnet "$CLI" "$cmd" "$@" ;;
  eval)
    build; exec dotnet "$CLI" eval "$@" ;;
  train)
    ensure_engines; build; exec dotnet "$CLI" train "$@" ;;
  test)
    ensure_engines; ensure_browser
    log=$(mktemp)
    set +e
    dotnet test ExtractReports.sln -c "$CONFIG" --nologo -v q 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    # One plain closing line for CI: "N passed, N failed, N skipped".
    awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
         END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
    rm -f "$log"
    exit "$rc" ;;
  bench)
    ensure_engines
    exec dotnet run --project tests/ExtractReports.Benchmarks -c "$CONFIG" -- "$@" ;;
  property)
    EXTRACTREPORTS_PROPERTY_TESTS="${1:-20000}" exec dotnet test tests/ExtractReports.Tests -c "$CONFIG" --nologo \
      --filter "FullyQualifiedName~DamagedReportProperties.Every_field|FullyQualifiedName~DamageClassFigures" --logger "console;verbosity=normal" ;;
  scan-matrix)
    ensure_engines
    exec dotnet run --project tools/ExtractReports.ScanMatrix -c "$CONFIG" -- "$@" ;;
  print-pages)
    ensure_browser; build
    exec tools/print-pages.sh "$@" ;;
  help|-h|--help)
    sed -n '2,/^set /{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; build; dotnet "$CLI" --help ;;
  *)
    build_if_stale; exec dotnet "$CLI" "$cmd" "$@" ;;
esac
