#!/bin/sh
# Regenerates the PDF fixtures of PdfLineReaderTests (needs libreoffice, poppler-utils, img2pdf, python3).
# The tests use the committed PDFs; this script only documents how they were made.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
lo() { libreoffice --headless --infilter="HTML (StarWriter)" --convert-to "$1" --outdir "$tmp/$2" "${3:-table4.html}" >/dev/null; }
lo pdf plain
lo pdf ruled table4-ruled.html
lo 'pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"EnableCopyingOfContent":{"type":"boolean","value":"false"}}' owner
lo 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' user
cp "$tmp/plain/table4.pdf" table4.pdf
cp "$tmp/ruled/table4-ruled.pdf" table4-ruled.pdf
cp "$tmp/owner/table4.pdf" encrypted-owner-password.pdf
cp "$tmp/user/table4.pdf" encrypted-user-password.pdf
pdftoppm -r 100 -png -singlefile table4.pdf "$tmp/page"
img2pdf "$tmp/page.png" -o scanned.pdf
python3 make-garbled.py # also table4-turned.pdf
rm -rf "$tmp"
