#!/usr/bin/env bash
# Regenerates corpus/text, corpus/html, corpus/docx, corpus/pdf, corpus/scan, corpus/print and corpus/classes with their truth files.
# Deterministic: every random choice comes from fixed seeds in tools/ExtractReports.CorpusGen.
# Needs (only to regenerate, never to test): .NET SDK; LibreOffice (docx, pdf); poppler-utils,
# ImageMagick and img2pdf (scan); Chromium (print). Usage: tools/make-corpus.sh [text|html|docx|pdf|scan|print|classes|all]
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

# LibreOffice reads HTML with the Writer (not Writer/Web) filter: without it a blank first page appears.
lo() { libreoffice --headless --infilter="HTML (StarWriter)" "$@" >/dev/null 2>&1; }

if [[ "$what" == docx || "$what" == all ]]; then
  rm -rf "$corpus/docx" "$staging/docx"
  gen docx-src "$corpus" "$staging"
  lo --convert-to 'docx:MS Word 2007 XML' --outdir "$corpus/docx" "$staging"/docx/*.html
fi

if [[ "$what" == pdf || "$what" == all ]]; then
  rm -rf "$corpus/pdf" "$staging/pdf"
  gen pdf-src "$corpus" "$staging"
  lo --convert-to pdf --outdir "$corpus/pdf" "$staging"/pdf/*.html
fi

if [[ "$what" == scan || "$what" == all ]]; then
  [[ -d "$corpus/pdf" ]] || { echo "scan needs corpus/pdf: run '$0 pdf' first" >&2; exit 1; }
  rm -rf "$corpus/scan" "$staging/scan"
  gen scan-src "$corpus" "$staging"
  lo --convert-to pdf --outdir "$staging/scan" "$staging"/scan/*.html
  seed=1000
  while IFS=$'\t' read -r name source kind dpi angle quality noise blur first; do
    seed=$((seed + 17))
    [[ "$source" == staging ]] && src="$staging/scan/$name.pdf" || src="$corpus/$source"
    # A table-page image's truth assumes tables 三 and 四 fit on its one page.
    if [[ "$first" == 1 && "$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')" != 1 ]]; then
      echo "$name: the table page does not fit on one page" >&2; exit 1
    fi
    "$here/tools/degrade-scan.sh" "$src" "$corpus/scan/$name.$kind" "$kind" "$dpi" "$angle" "$quality" "$noise" "$blur" "$first" "$seed"
  done < "$staging/scan/manifest.tsv"
fi
if [[ "$what" == print || "$what" == all ]]; then
  rm -rf "$corpus/print" "$staging/print"
  gen print-src "$corpus" "$staging"
  for page in "$staging"/print/*.html; do
    "$here/tools/print-page.sh" "$page" "$corpus/print/$(basename "$page" .html).pdf"
  done
fi
if [[ "$what" == classes || "$what" == all ]]; then
  rm -rf "$corpus/classes" "$staging/classes"
  gen classes-src "$corpus" "$staging"
  for page in "$staging"/classes/*.html; do
    name=$(basename "$page" .html)
    if [[ "$name" == *-scan* ]]; then
      # The paper scanned is a print without the browser's stamps (an agency's own printout).
      "$here/tools/print-page.sh" "$page" "$staging/classes/$name.pdf" --bare
      "$here/tools/scan-pdf.sh" "$staging/classes/$name.pdf" "$corpus/classes/$name.pdf" 200
    else
      "$here/tools/print-page.sh" "$page" "$corpus/classes/$name.pdf"
    fi
  done
fi
du -sh "$corpus"/* 2>/dev/null
