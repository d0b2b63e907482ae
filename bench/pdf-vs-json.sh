#!/usr/bin/env bash
# Times the probation summary of a 300-session case as PDF against the same summary as JSON, in one
# run on one service: the first PDF after start (nothing rendered yet in the JVM), then 50 of each,
# alternating, reporting medians. Both go through the same authentication (a bearer token), access
# check, site check, queries and audit row; the difference is filling and exporting the PDF.
# The case is built in a copy of the seeded programme (50,000 participants by default, seeded once and
# cached: see lib.sh), so its queries run among as many others as the issue asks; 0 participants gives
# an empty database beside it, as the first measurements had.
# Needs: Java 17, Maven, curl, python3, sqlite3. Usage: bench/pdf-vs-json.sh [calls=50] [participants=50000] [seed=1]
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-50}
summary_participants=${2:-50000}
summary_seed=${3:-1}
source bench/summary-case.sh

token=$(curl -fs "${PROBATION[@]}" -X POST "$api/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
BEARER=(-H "Authorization: Bearer $token")
# a PDF names its recipient and purpose (issue 19): each one timed is also a row of the ledger
pdf_url="$api/participants/$case_id/reports/probation?recipient=Bench%20Runner%2C%20Desist&purpose=benchmark"
json_url="$api/participants/$case_id/summary?audience=probation"
time_of() { curl -fs "${BEARER[@]}" -o /dev/null -w '%{time_total}\n' "$1"; }

first_pdf=$(time_of "$pdf_url")
first_json=$(time_of "$json_url")
: > "$work/pdf.txt"; : > "$work/json.txt"
for _ in $(seq 1 "$calls"); do
  time_of "$pdf_url" >> "$work/pdf.txt"
  time_of "$json_url" >> "$work/json.txt"
done
curl -fs "${BEARER[@]}" -o "$work/summary.pdf" "$pdf_url"
curl -fs "${BEARER[@]}" -o "$work/summary.json" "$json_url"

echo "$(machine)"
echo "database: ${summary_participants} other participants (seed $summary_seed) besides the 300-session case; $calls calls of each"
python3 - "$first_pdf" "$first_json" "$work/pdf.txt" "$work/json.txt" "$work/summary.pdf" "$work/summary.json" <<'PY'
import os, statistics, sys
first_pdf, first_json = float(sys.argv[1]) * 1000, float(sys.argv[2]) * 1000
pdf = [float(x) * 1000 for x in open(sys.argv[3])]
json = [float(x) * 1000 for x in open(sys.argv[4])]
def p90(xs): return sorted(xs)[int(len(xs) * 0.9) - 1]
print(f"first PDF after start: {first_pdf:.0f} ms (first JSON: {first_json:.0f} ms)")
print(f"PDF  x{len(pdf)}: median {statistics.median(pdf):.1f} ms, p90 {p90(pdf):.1f} ms, {os.path.getsize(sys.argv[5])} bytes")
print(f"JSON x{len(json)}: median {statistics.median(json):.1f} ms, p90 {p90(json):.1f} ms, {os.path.getsize(sys.argv[6])} bytes")
ratio = statistics.median(pdf) / statistics.median(json)
print(f"warm PDF median / JSON median = {ratio:.2f} (target <= 3)")
PY
