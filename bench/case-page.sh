#!/usr/bin/env bash
# Times the case page of a 300-session case (GET /cases/{id}, signed in through the sign-in form) against the
# JSON reads it shows, in one run on one service: the participant, its enrolments and referrals, progress,
# each kind of record's list and the timeline, each at the page's length (limit=100), as the same clinician
# reads them with a bearer token. Each iteration times the page, then every JSON read one after another, and
# sums the reads; iterations alternate, medians are compared. The case is built by summary-case.sh (300
# sessions with outcomes and every other kind of record), among the seeded programme's participants when
# participants > 0 (cached: see lib.sh). Beside it, the same for the record list page of all 300 sessions
# (GET /cases/{id}/records/sessions) against the one JSON read it shows (sessions?limit=500).
# Needs: Java 17, Maven, curl, python3 (sqlite3 when seeded). Usage: bench/case-page.sh [iterations=40] [participants=0] [seed=1]
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-40}
summary_participants=${2:-0}
summary_seed=${3:-1}
source bench/summary-case.sh

site="http://127.0.0.1:$port"
token=$(curl -fs -u "dr.bench:$password" -X POST "$api/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
BEARER=(-H "Authorization: Bearer $token")
jar="$work/cookies.txt"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" -H "Origin: $site" \
  --data-urlencode "username=dr.bench" --data-urlencode "password=$password" --data-urlencode "next=/" "$site/sign-in")
[ "$status" = 303 ] || { echo "signing in through the form answered $status" >&2; exit 1; }
page_url="$site/cases/$case_id"
page_status=$(curl -s -o "$work/case.html" -w '%{http_code}' -b "$jar" "$page_url")
if [ "$page_status" != 200 ]; then
  echo "GET /cases/{id} answered $page_status: the case page is not on this build; timing the JSON reads alone" >&2
fi

base="$api/participants/$case_id"
reads=("$base" "$api/enrolments?participantId=$case_id&limit=100" "$api/referrals?participantId=$case_id&limit=100"
  "$base/progress" "$base/timeline?limit=100")
for kind in sessions assessments desistance-reviews service-referrals risk-plan/actions legal-measures victim-safety incidents; do
  reads+=("$base/$kind?limit=100")
done
# the page shows only what the role may read: a read the clinician is refused is not one the page makes
json_urls=()
for url in "${reads[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "${BEARER[@]}" "$url")
  if [ "$code" = 200 ]; then json_urls+=("$url"); else echo "left out (answered $code): ${url#$api}" >&2; fi
done

: > "$work/page.txt"; : > "$work/json.txt"; : > "$work/each.txt"; : > "$work/list-page.txt"; : > "$work/list-json.txt"
list_url="$site/cases/$case_id/records/sessions"
list_json="$base/sessions?limit=500"
list_status=$(curl -s -o "$work/list.html" -w '%{http_code}' -b "$jar" "$list_url")
[ "$list_status" = 200 ] || { echo "GET /cases/{id}/records/sessions answered $list_status" >&2; exit 1; }
for _ in $(seq 1 "$iterations"); do
  if [ "$page_status" = 200 ]; then
    curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$page_url" >> "$work/page.txt"
  fi
  sum=0
  for url in "${json_urls[@]}"; do
    t=$(curl -fs "${BEARER[@]}" -o /dev/null -w '%{time_total}' "$url")
    echo "${url#$api} $t" | sed "s/$case_id/{id}/" >> "$work/each.txt"
    sum=$(awk -v a="$sum" -v b="$t" 'BEGIN { print a + b }')
  done
  echo "$sum" >> "$work/json.txt"
  curl -fs -b "$jar" -o /dev/null -w '%{time_total}\n' "$list_url" >> "$work/list-page.txt"
  curl -fs "${BEARER[@]}" -o /dev/null -w '%{time_total}\n' "$list_json" >> "$work/list-json.txt"
done

echo "$(machine)"
echo "database: ${summary_participants} other participants (seed $summary_seed) besides the 300-session case;" \
  "$iterations iterations, ${#json_urls[@]} JSON reads each; page $(stat -c %s "$work/case.html") bytes"
python3 - "$work/page.txt" "$work/json.txt" "$work/each.txt" "$work/list-page.txt" "$work/list-json.txt" <<'PY'
import statistics, sys
from collections import defaultdict
page = [float(x) * 1000 for x in open(sys.argv[1])]
json = [float(x) * 1000 for x in open(sys.argv[2])]
each = defaultdict(list)
for line in open(sys.argv[3]):
    url, t = line.rsplit(" ", 1)
    each[url].append(float(t) * 1000)
def p90(xs): return sorted(xs)[max(0, int(len(xs) * 0.9) - 1)]
for url, ts in sorted(each.items(), key=lambda kv: -statistics.median(kv[1])):
    print(f"  {url}: median {statistics.median(ts):.1f} ms")
print(f"JSON reads, summed x{len(json)}: median {statistics.median(json):.1f} ms, p90 {p90(json):.1f} ms")
if page:
    print(f"case page x{len(page)}: median {statistics.median(page):.1f} ms, p90 {p90(page):.1f} ms")
    print(f"case page median / JSON reads median = {statistics.median(page) / statistics.median(json):.2f} (target <= 1.5)")
lpage = [float(x) * 1000 for x in open(sys.argv[4])]
ljson = [float(x) * 1000 for x in open(sys.argv[5])]
print(f"sessions list page (300 rows) x{len(lpage)}: median {statistics.median(lpage):.1f} ms;"
      f" sessions?limit=500 JSON: median {statistics.median(ljson):.1f} ms;"
      f" ratio {statistics.median(lpage) / statistics.median(ljson):.2f}")
PY
