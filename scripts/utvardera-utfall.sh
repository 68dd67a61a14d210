#!/bin/bash
# Mäter utfallsavläsningen och kravet på överklagandeinformation mot en
# märkt utvärderingsmängd (standard: eval/utfall, skriven och märkt utan att
# se reglerna). Skriver förväxlingsmatrisen för utfall, och hur väl
# RS-OVERKLAGANDE ställs på rätt beslut och hittar brister.
#
#   scripts/utvardera-utfall.sh [MAPP]     # MAPP med b*.md och facit.csv
set -euo pipefail
cd "$(dirname "$0")/.."
MAPP=${1:-eval/utfall}
G=${GRANSKA:-target/release/granska}
[ -x "$G" ] || cargo build --release -q
UT=$(mktemp)
trap 'rm -f "$UT"' EXIT
"$G" kontrollera "$MAPP" --format json --ut "$UT" --tyst || [ $? -eq 3 ]
python3 - "$UT" "$MAPP/facit.csv" <<'PY'
import csv, json, sys
report, facit = sys.argv[1], sys.argv[2]
got = {}
for d in json.load(open(report))["documents"]:
    status = next(c["status"] for c in d["criteria"] if c["id"] == "RS-OVERKLAGANDE")
    name = d["path"].split("/")[-1]
    # The key may name a file with or without its ending.
    got[name] = got[name.rsplit(".", 1)[0]] = (d["metadata"].get("utfall", "-"), status)
rows = list(csv.DictReader(open(facit, encoding="utf-8"), delimiter=";"))
labels = ["bifall", "delvis_bifall", "avslag", "andring", "upphorande", "okant"]
matrix = {(a, b): 0 for a in labels for b in labels + ["-"]}
asked = {"rätt krav": 0, "krav saknas": 0, "krav i onödan": 0, "rätt utan krav": 0}
gaps = {"brist hittad": 0, "brist missad": 0, "falsk brist": 0, "komplett godkänd": 0}
wrong = []
for r in rows:
    outcome, status = got[r["fil"]]
    matrix[(r["utfall"], outcome)] += 1
    if outcome != r["utfall"]:
        wrong.append(f'{r["fil"]}: facit {r["utfall"]}, granska {outcome}')
    against = r["mot_personen"] == "ja"
    demanded = status != "not_applicable"
    asked[("rätt krav" if against else "krav i onödan") if demanded
          else ("krav saknas" if against else "rätt utan krav")] += 1
    if demanded:
        complete = r["overklagande_komplett"] == "ja"
        met = status == "met"
        gaps[("komplett godkänd" if complete else "brist missad") if met
             else ("falsk brist" if complete else "brist hittad")] += 1
n = len(rows)
right = sum(matrix[(l, l)] for l in labels)
print(f"{n} beslut; utfallet rätt i {right} ({100 * right / n:.0f} %).")
print("Förväxlingsmatris (rad = facit, kolumn = granska):")
print(" " * 14 + "".join(f"{l[:7]:>8}" for l in labels))
for a in labels:
    print(f"{a:<14}" + "".join(f"{matrix[(a, b)]:>8}" for b in labels))
print("Fel:", *wrong, sep="\n  ")
print("Krav på överklagandeinformation:", asked)
print("Brister i överklagandeinformationen:", gaps)
PY
