#!/usr/bin/env bash
# The programme page against the JSON comparison it draws from, on one seeded programme, in one run (issue 18).
#   page:       GET /programme, as a programme lead signed in through the sign-in form (session cookie)
#   comparison: GET /api/programme/comparison?from=..&to=..&scope=period, the same lead with a bearer token
# The period is the page's own default: from the earliest start of the cohorts running today (else 1 January
# this year) to today, in Europe/London, read from the seeded database with sqlite3. After a warm-up, runs
# alternate the two (and which goes first); every page must answer 200 with its <h1> (a redirect to the sign-in
# form is not a fast page), every comparison 200 with its figures. Medians are compared: the page's must be at
# most 1.5 times the comparison's, or the script prints PROBLEM and exits 1.
# Needs: Java 17, Maven, curl, python3 (free ports), sqlite3.
# Usage: bench/programme-page.sh [participants=50000] [runs=7] [seed=1]
#        The seeded database is made once and cached (see lib.sh: DESIST_BENCH_CACHE); each run works on a copy.
#        DESIST_BENCH_DB=/path/seeded.db uses a copy of that database instead; DESIST_BENCH_FROM and
#        DESIST_BENCH_TO (YYYY-MM-DD) set the comparison's period instead of the page's default.
set -euo pipefail
participants=${1:-50000}
runs=${2:-7}
seed=${3:-1}
source "$(dirname "$0")/lib.sh"
bench_init
build_if_needed
need sqlite3 "apt-get install -y sqlite3"
# a copy of the seeded programme (seeded once and cached: lib.sh), or of the database named
if [ -n "${DESIST_BENCH_DB:-}" ]; then
  db="$work/bench.db"; cp --reflink=auto "$DESIST_BENCH_DB" "$db"
else
  db=$(working_copy "$participants" "$seed") || exit 1
fi
start_service "$db"
add_user --username bench-lead --role programme_lead

site="http://127.0.0.1:$port"
token=$(token_for bench-lead)
[ -n "$token" ] || { echo "no token for bench-lead" >&2; exit 1; }
auth="Authorization: Bearer $token"
cookies="$work/cookies.txt"
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$cookies" -b "$cookies" -H "Origin: $site" \
  --data-urlencode "username=bench-lead" --data-urlencode "password=$password" --data-urlencode "next=/programme" \
  "$site/sign-in")
[ "$status" = 303 ] || { echo "signing in through the form answered $status" >&2; exit 1; }

# the page's default period (after the service started: an empty database has its tables only then)
today=$(TZ=Europe/London date +%F)
running=$(sqlite3 "$db" "SELECT count(*) || '|' || coalesce(min(starts_on), '') FROM cohort
  WHERE starts_on <= '$today' AND ends_on >= '$today'")
from=${DESIST_BENCH_FROM:-${running#*|}}
from=${from:-$(TZ=Europe/London date +%Y-01-01)}
to=${DESIST_BENCH_TO:-$today}
comparison="$api/programme/comparison?from=$from&to=$to&scope=period"

# whether the page has an <h1> that says programme, whatever else it holds (a caption, a tag); in bash, not a pipe
# that a quitting grep could break
headed_programme() {
  local html pattern='<h1[^>]*>([^<]|<[^/]|</[^h])*programme'
  html=$(tr '\n' ' ' < "$1")
  [[ ${html,,} =~ $pattern ]]
}
# one timed request each, checked: the time when it is the real answer, otherwise a message and exit 1
page() {
  local answer
  answer=$(curl -s -b "$cookies" -o "$work/page.html" -w '%{http_code} %{time_total}' "$site/programme")
  if [ "${answer% *}" != 200 ] || ! headed_programme "$work/page.html"; then
    echo "GET /programme answered ${answer% *} without the programme page's heading:" >&2
    head -c 600 "$work/page.html" >&2; echo >&2; exit 1
  fi
  echo "${answer#* }"
}
json() {
  local answer
  answer=$(curl -s -H "$auth" -o "$work/comparison.json" -w '%{http_code} %{time_total}' "$comparison")
  if [ "${answer% *}" != 200 ] || ! grep -q '"figures":\[{' "$work/comparison.json"; then
    echo "GET ${comparison#$site} answered ${answer% *} without figures:" >&2
    head -c 600 "$work/comparison.json" >&2; echo >&2; exit 1
  fi
  echo "${answer#* }"
}

echo "warming up"
for _ in 1 2; do page > /dev/null; json > /dev/null; done
: > "$work/page.txt"; : > "$work/json.txt"
echo "run |  page s | comparison s | page / comparison"
for run in $(seq 1 "$runs"); do
  if [ $((run % 2)) = 1 ]; then p=$(page); j=$(json); else j=$(json); p=$(page); fi
  echo "$p" >> "$work/page.txt"; echo "$j" >> "$work/json.txt"
  awk -v r="$run" -v p="$p" -v j="$j" 'BEGIN { printf "%3d | %7.3f | %12.3f | %.2f\n", r, p, j, p / j }'
done

pm=$(median < "$work/page.txt"); jm=$(median < "$work/json.txt")
sessions=$(sqlite3 "$db" 'SELECT count(*) FROM session')
cohorts=$(sqlite3 "$db" 'SELECT count(*) FROM cohort')
echo
machine
echo "database: $participants participants (seed $seed), $sessions sessions, $cohorts cohorts (${running%|*} running on $today);" \
  "$runs runs, medians; page $(stat -c %s "$work/page.html") bytes, comparison $(stat -c %s "$work/comparison.json") bytes"
echo "period: from $from to $to, scope=period${DESIST_BENCH_FROM:+ (from set by DESIST_BENCH_FROM)}${DESIST_BENCH_TO:+ (to set by DESIST_BENCH_TO)}"
awk -v p="$pm" -v j="$jm" 'BEGIN { printf "programme page median %.3f s, comparison median %.3f s: page / comparison = %.2f (target <= 1.5)\n", p, j, p / j }'
if awk -v p="$pm" -v j="$jm" 'BEGIN { exit !(p > 1.5 * j) }'; then
  echo "PROBLEM: the programme page takes more than 1.5 times the comparison it draws from"
  exit 1
fi
