#!/usr/bin/env bash
# Minne: högsta minnesanvändning (RSS) för stora och elaka indata, mot regeln
#
#   högsta minne ≤ 200 MB + 10 × det största dokumentets storlek
#
# (ett dokument = en fil, eller en post i en .jsonl/.csv-fil).
#
#   scripts/minne.sh                  # alla fall, 3 omgångar, medianer
#   OMGANGAR=1 scripts/minne.sh
#
# Fallen: en JSONL-export med 1 000 000 poster; ett enda dokument på 49 MB
# (korpusens dokument efter varandra); en fil på 49 MB som nästan bara är
# radbrytningar; korpusen med 10 000 dokument. Skriver en tabell i Markdown.
# Kräver /usr/bin/time och python3.
set -euo pipefail
cd "$(dirname "$0")/.."

OMGANGAR="${OMGANGAR:-3}"
KATALOG="${KATALOG:-/tmp/granska-minne}"
mkdir -p "$KATALOG"
[ -x /usr/bin/time ] || { echo "/usr/bin/time saknas: apt-get install time" >&2; exit 2; }

cargo build --release --quiet --bin granska --example generera_korpus
GRANSKA="${CARGO_TARGET_DIR:-target}/release/granska"

korpus="$KATALOG/korpus-10000"
[ -d "$korpus" ] || cargo run --release --quiet --example generera_korpus -- --antal 10000 --frö 42 --ut "$korpus" >/dev/null

python3 - "$korpus" "$KATALOG" <<'PY'
import json, os, sys
korpus, ut = sys.argv[1], sys.argv[2]
texter = [open(os.path.join(korpus, f), encoding='utf-8').read() for f in sorted(os.listdir(korpus)) if f.endswith(('.md', '.txt'))]
# 1 000 000 poster: korpusens dokument om och om igen, förkortade till ~200 byte.
p = os.path.join(ut, 'export-1m.jsonl')
if not os.path.exists(p):
    with open(p, 'w', encoding='utf-8') as f:
        for i in range(1_000_000):
            t = texter[i % len(texter)][:200]
            f.write(json.dumps({'id': f'P-{i}', 'text': t, 'metadata': {'enhet': 'Norr'}}, ensure_ascii=False) + '\n')
# Ett dokument på 49 MB: korpusens dokument efter varandra.
p = os.path.join(ut, 'stort-dokument.md')
if not os.path.exists(p):
    with open(p, 'w', encoding='utf-8') as f:
        n = 0; i = 0
        while n < 49_000_000:
            t = texter[i % len(texter)]; f.write(t + '\n\n'); n += len(t.encode()) + 2; i += 1
# 49 MB radbrytningar.
p = os.path.join(ut, 'radbrytningar.txt')
if not os.path.exists(p):
    with open(p, 'w') as f:
        f.write('Beslut\n' + '\n' * 49_000_000 + 'Du får hemtjänst.\n')
PY

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

printf '| indata | storlek (MB) | största dokument (MB) | sekunder (median) | högsta minne (MB, median) | regeln tillåter (MB) |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
fall() {
  local namn=$1 sokvag=$2 storsta=$3
  local tider=() minnen=()
  for _ in $(seq "$OMGANGAR"); do
    /usr/bin/time -f "%e %M" -o "$KATALOG/tid" "$GRANSKA" kontrollera --tyst --format json "$sokvag" > /dev/null 2>&1 || true
    read -r s kb < <(tail -1 "$KATALOG/tid"); tider+=("$s"); minnen+=("$kb")
  done
  local storlek
  storlek=$(du -sb "$sokvag" | awk '{ printf "%.1f", $1 / 1e6 }')
  local s m
  s=$(printf '%s\n' "${tider[@]}" | median)
  m=$(printf '%s\n' "${minnen[@]}" | median | awk '{ printf "%.0f", $1 / 1024 }')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$namn" "$storlek" "$storsta" "$s" "$m" \
    "$(awk -v d="$storsta" 'BEGIN { printf "%.0f", 200 + 10 * d }')"
}
fall "JSONL-export, 1 000 000 poster" "$KATALOG/export-1m.jsonl" 0.0003
fall "ett dokument på 49 MB (löptext)" "$KATALOG/stort-dokument.md" 49
fall "49 MB radbrytningar" "$KATALOG/radbrytningar.txt" 49
fall "korpusen, 10 000 dokument" "$korpus" 0.011
