#!/usr/bin/env bash
# Genomströmning: granska mot ripgreps enkla ordlistesökning över samma mapp.
#
#   scripts/genomstromning.sh            # 10 000 och 50 000 dokument, 3 omgångar
#   ANTAL="10000" OMGANGAR=5 scripts/genomstromning.sh
#
# Skapar korpusen med exemplet generera_korpus (frö 42) under $KATALOG, kör
# växelvis (A B A B …) `rg -F -c -f ord.txt` med 2 trådar och
# `granska kontrollera --format json` med 2 och 1 trådar, JSON till /dev/null,
# och skriver medianer: MB/s, dokument/s, högsta minnesanvändning och kvoten
# mot ripgrep. Kräver ripgrep (apt-get install ripgrep) och /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

ANTAL="${ANTAL:-10000 50000}"
OMGANGAR="${OMGANGAR:-3}"
KATALOG="${KATALOG:-/tmp/granska-genomstromning}"
mkdir -p "$KATALOG"

command -v rg >/dev/null || { echo "ripgrep (rg) saknas: apt-get install ripgrep" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time saknas: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin granska --example generera_korpus
GRANSKA=target/release/granska

# 2 000 fasta ord ur granskas egna lexikon (alla böjningsformer), i stället för
# ordlistan i en sökning som en kvalitetsutvecklare skulle ha skrivit själv.
ORD="$KATALOG/ord.txt"
cut -f1 rules/lexikon/*.tsv | grep -v '^#' | tr '|' '\n' | sed 's/^ *//; s/ *$//' \
  | awk 'length($0) > 2' | sort -u | awk 'NR <= 2000' > "$ORD"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Kör ett kommando och skriv "sekunder maxminne_kB".
mat() { /usr/bin/time -f "%e %M" -o "$KATALOG/tid" "$@" > /dev/null 2>&1 || true; cat "$KATALOG/tid"; }

printf '| dokument | MB | verktyg | trådar | sekunder (median) | MB/s | dokument/s | minne (MB) | kvot mot rg |\n'
printf '|---:|---:|---|---:|---:|---:|---:|---:|---:|\n'
for n in $ANTAL; do
  mapp="$KATALOG/korpus-$n"
  if [ ! -d "$mapp" ] || [ "$(find "$mapp" -type f | wc -l)" -ne "$n" ]; then
    rm -rf "$mapp"
    cargo run --release --quiet --example generera_korpus -- --antal "$n" --frö 42 --ut "$mapp"
  fi
  bytes=$(find "$mapp" -type f -exec cat {} + | wc -c)
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  : > "$KATALOG/rg"; : > "$KATALOG/g2"; : > "$KATALOG/g1"
  find "$mapp" -type f -exec cat {} + > /dev/null   # värm upp filcachen
  for _ in $(seq "$OMGANGAR"); do
    mat rg -F -c -j 2 -f "$ORD" "$mapp" >> "$KATALOG/rg"
    mat "$GRANSKA" kontrollera "$mapp" --format json --jobb 2 >> "$KATALOG/g2"
    mat rg -F -c -j 2 -f "$ORD" "$mapp" >> "$KATALOG/rg"
    mat "$GRANSKA" kontrollera "$mapp" --format json --jobb 1 >> "$KATALOG/g1"
  done
  rg_s=$(cut -d' ' -f1 "$KATALOG/rg" | median)
  for verktyg in rg g2 g1; do
    s=$(cut -d' ' -f1 "$KATALOG/$verktyg" | median)
    kb=$(cut -d' ' -f2 "$KATALOG/$verktyg" | sort -n | tail -n 1)
    case $verktyg in rg) namn="rg -F -c -f"; t=2 ;; g2) namn=granska; t=2 ;; g1) namn=granska; t=1 ;; esac
    awk -v n="$n" -v mb="$mb" -v s="$s" -v kb="$kb" -v rg="$rg_s" -v namn="$namn" -v t="$t" 'BEGIN {
      printf "| %d | %s | %s | %d | %.2f | %.1f | %.0f | %.0f | %.1f× |\n", n, mb, namn, t, s, mb / s, n / s, kb / 1024, s / rg }'
  done
done
