#!/usr/bin/env bash
# Regenerates corpus/text, corpus/html, corpus/docx, corpus/pdf and corpus/scan with their truth files.
# Deterministic: every random choice comes from fixed seeds in tools/ExtractReports.CorpusGen.
# Needs (only to regenerate, never to test): .NET SDK; LibreOffice (docx, pdf); poppler-utils,
# ImageMagick and img2pdf (scan). Usage: tools/make-corpus.sh [text|html|docx|pdf|scan|all]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
what="${1:-all}"
corpus="$here/corpus"
staging="$here/artifacts/corpus-staging"
mkdir -p "$staging"
gen() { dotnet run --project "$here/tools/ExtractReports.CorpusGen" -c Release -- "$@"; }

if [[ "$what" == text || "$what" == all ]]; then
  rm -rf "$corpus/text"
  gen text "$corpus" "$staging"
fi

if [[ "$what" == html || "$what" == all ]]; then
  rm -rf "$corpus/html"
  gen html "$corpus" "$staging"
fi
