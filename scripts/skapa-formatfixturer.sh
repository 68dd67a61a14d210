#!/usr/bin/env bash
# Skapar Word- och PDF-fixturer med LibreOffice ur några textdokument i den
# märkta korpusen, så att testerna kan jämföra samma dokument i tre format.
#
#   scripts/skapa-formatfixturer.sh
#
# Kräver LibreOffice (apt-get install libreoffice-writer-nogui). Filerna läggs i
# fixtures/format/ och checkas in; testerna behöver inte LibreOffice.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "LibreOffice (soffice) saknas: apt-get install libreoffice-writer-nogui" >&2; exit 2; }

UT=fixtures/format
mkdir -p "$UT"
for namn in u15-personlig-assistans-thomas b15-personlig-assistans-avslag b03-sarskilt-boende-avslag u17-boendestod-patrik; do
  cp "fixtures/korpus/$namn.txt" "$UT/$namn.txt"
  soffice --headless --convert-to docx --outdir "$UT" "$UT/$namn.txt" >/dev/null
  soffice --headless --convert-to pdf --outdir "$UT" "$UT/$namn.txt" >/dev/null
done
soffice --version 2>/dev/null > "$UT/.skapad-med"
ls -l "$UT"
