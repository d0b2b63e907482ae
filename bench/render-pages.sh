#!/usr/bin/env bash
# Renders the probation and CPS summaries of a 300-session case to PNG pages, for a person to look at.
# Needs: Java 17, Maven, curl, pdftoppm (Debian: apt-get install poppler-utils).
# Usage: bench/render-pages.sh [output folder]   (default: a new temporary folder; it is kept)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pdftoppm > /dev/null || { echo "pdftoppm is missing: apt-get install -y poppler-utils" >&2; exit 1; }
out=${1:-$(mktemp -d -t desist-pages-XXXX)}
mkdir -p "$out"
source bench/summary-case.sh

CPS_USER=(-u "cps.bench:$password")
add_user --username cps.bench --role cps --site BENCH
curl -fs "${PROBATION[@]}" -o "$out/probation.pdf" "$api/participants/$case_id/reports/probation?recipient=Bench%20Runner%2C%20Desist&purpose=benchmark"
curl -fs "${CPS_USER[@]}" -o "$out/cps.pdf" "$api/participants/$case_id/reports/cps?recipient=Bench%20Runner%2C%20Desist&purpose=benchmark"
for document in probation cps; do
  pdftoppm -png -r "${DESIST_RENDER_DPI:-80}" "$out/$document.pdf" "$out/$document"
  echo "$document: $(pdfinfo "$out/$document.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages," \
    "$(stat -c %s "$out/$document.pdf") bytes"
done
ls "$out"/*.png
echo "pages in $out"
