#!/usr/bin/env bash
# Cohort figures against the sqlite3 shell, on one synthetic programme, in one run.
#   cohort:     GET /api/cohorts/{id}/report (every figure of one cohort, JSON, suppressed)
#               beside the shell's monthly attendance of that cohort's sessions (which scans them)
#   comparison: GET /api/programme/comparison (every figure of every site and model)
#               beside the shell's per-site attendance, which scans every session
# The service and the shell read the same SQLite file; runs alternate between them, and the medians
# are compared. The shell's time is its own query timer (.timer on): no process start counted.
# Needs: Java 17, Maven, curl, sqlite3, python3 (for free ports).
# Usage: bench/cohort-figures.sh [participants=50000] [runs=7] [seed=1]
#        The seeded database is made once and cached (see lib.sh: DESIST_BENCH_CACHE); each run works on
#        a copy. DESIST_BENCH_DB=/path/seeded.db uses a copy of that database instead.
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

api="http://127.0.0.1:$port/api"
token=$(curl -fs -u "bench-lead:$password" -X POST "$api/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
auth="Authorization: Bearer $token"
cohort=$(sqlite3 "$db" "SELECT id FROM cohort WHERE site_code = 'SYNSTAC' AND starts_on = '2024-01-01'")
cohort_start=2024-01-01
to=$(TZ=Europe/London date +%F)
tomorrow=$(TZ=Europe/London date -d tomorrow +%F)

# The plain aggregates the issue measured, and the same aggregates as the service's own SQL (monthly
# counts by outcome and engagement: what the figures need), run by the shell.
cohort_sql="SELECT substr(s.scheduled_at, 1, 7) AS month,
       sum(CASE WHEN s.outcome IN ('attended', 'late') THEN 1 ELSE 0 END) AS attended,
       sum(CASE WHEN s.outcome <> 'cancelled_by_service' THEN 1 ELSE 0 END) AS offered
FROM enrolment e JOIN session s ON s.participant_id = e.participant_id
WHERE e.cohort_id = '$cohort' AND s.status = 'active' AND s.outcome IS NOT NULL
GROUP BY month ORDER BY month;"
outcomes="sum(CASE WHEN outcome IN ('attended', 'late') THEN 1 ELSE 0 END) AS attended_or_late,
       sum(CASE WHEN outcome = 'did_not_attend' THEN 1 ELSE 0 END) AS did_not_attend,
       sum(CASE WHEN outcome = 'cancelled_by_participant' THEN 1 ELSE 0 END) AS cancelled_by_participant,
       sum(CASE WHEN outcome = 'cancelled_by_service' THEN 1 ELSE 0 END) AS cancelled_by_service,
       coalesce(sum(engagement), 0) AS engagement_sum, count(engagement) AS engagement_rated"
cohort_same_sql="WITH pop AS (SELECT DISTINCT participant_id FROM enrolment WHERE cohort_id = '$cohort')
SELECT substr(scheduled_at, 1, 7) AS month, $outcomes
FROM pop JOIN session s ON s.participant_id = pop.participant_id
WHERE s.status = 'active' AND s.outcome IS NOT NULL
  AND s.scheduled_at >= '$cohort_start' AND s.scheduled_at < '${tomorrow}T00:00:00.000000Z'
GROUP BY substr(scheduled_at, 1, 7);"
sites_sql="SELECT p.site_code,
       sum(CASE WHEN s.outcome IN ('attended', 'late') THEN 1 ELSE 0 END) AS attended,
       sum(CASE WHEN s.outcome <> 'cancelled_by_service' THEN 1 ELSE 0 END) AS offered
FROM session s JOIN participant p ON p.id = s.participant_id
WHERE s.status = 'active' AND s.outcome IS NOT NULL
GROUP BY p.site_code;"
sites_same_sql="SELECT p.site_code, substr(s.scheduled_at, 1, 7) AS month, $outcomes
FROM session s JOIN participant p ON p.id = s.participant_id
WHERE s.status = 'active' AND s.outcome IS NOT NULL
  AND s.scheduled_at >= '2023-01-01' AND s.scheduled_at < '${tomorrow}T00:00:00.000000Z'
GROUP BY p.site_code, substr(s.scheduled_at, 1, 7);"

shell() { printf '.timer on\n%s\n' "$1" | sqlite3 "$db" | awk '/^Run Time/ { print $4 }' | tail -1; }
service() { curl -fs -o /dev/null -w '%{time_total}\n' -H "$auth" "$api/$1"; }
report="cohorts/$cohort/report"
comparison="programme/comparison?from=2023-01-01&to=$to"

echo "warming up"
for _ in 1 2 3; do service "$report" > /dev/null; service "$comparison" > /dev/null; shell "$cohort_sql" > /dev/null; done
shell "$sites_sql" > /dev/null
for name in cohort.shell cohort.same cohort.service sites.shell sites.same sites.service; do : > "$work/$name"; done
for run in $(seq 1 "$runs"); do
  shell "$cohort_sql" >> "$work/cohort.shell"
  shell "$cohort_same_sql" >> "$work/cohort.same"
  service "$report" >> "$work/cohort.service"
  shell "$sites_sql" >> "$work/sites.shell"
  shell "$sites_same_sql" >> "$work/sites.same"
  service "$comparison" >> "$work/sites.service"
done

# the two roads to the same number agree: sessions offered per site, from the service's running totals and the shell's scan
curl -fs -H "$auth" -H 'Accept: text/csv' "$api/$comparison&unsuppressed=true&recipient=Bench%20Runner%2C%20Desist&purpose=benchmark" \
  | awk -F, -v from=2023-01-01 -v to="$to" '$1 == "sessions_offered" && $3 == "" && $5 == "site" && $7 == from && $8 == to { print $6 "|" $9 }' \
  | sort > "$work/offered.service"
printf '%s\n' "SELECT p.site_code || '|' || count(*) FROM session s JOIN participant p ON p.id = s.participant_id
  WHERE s.status = 'active' AND s.outcome IS NOT NULL AND s.outcome <> 'cancelled_by_service'
    AND substr(s.scheduled_at, 1, 10) BETWEEN '2023-01-01' AND '$to' GROUP BY p.site_code ORDER BY 1;" \
  | sqlite3 "$db" > "$work/offered.shell"
agree=$(cmp -s "$work/offered.service" "$work/offered.shell" && echo yes || echo NO)
# and for the cohort: the report's sessions offered (running totals by cohort) against the shell's count
cohort_offered=$(curl -fs -H "$auth" -H 'Accept: text/csv' "$api/$report?unsuppressed=true&recipient=Bench%20Runner%2C%20Desist&purpose=benchmark" \
  | awk -F, -v to="$to" '$1 == "sessions_offered" && $3 == "" && $7 == "'"$cohort_start"'" && $8 == to { print $9 }')
shell_offered=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT DISTINCT participant_id FROM enrolment WHERE cohort_id = '$cohort') pop
  JOIN session s ON s.participant_id = pop.participant_id WHERE s.status = 'active' AND s.outcome IS NOT NULL
  AND s.outcome <> 'cancelled_by_service' AND substr(s.scheduled_at, 1, 10) BETWEEN '$cohort_start' AND '$to'")
[ "$cohort_offered" = "$shell_offered" ] && agree_cohort=yes || agree_cohort="NO ($cohort_offered vs $shell_offered)"

cs=$(median < "$work/cohort.shell"); cx=$(median < "$work/cohort.same"); cv=$(median < "$work/cohort.service")
ss=$(median < "$work/sites.shell"); sx=$(median < "$work/sites.same"); sv=$(median < "$work/sites.service")
sessions=$(sqlite3 "$db" 'SELECT count(*) FROM session')
cohort_sessions=$(sqlite3 "$db" "SELECT count(*) FROM enrolment e JOIN session s ON s.participant_id = e.participant_id WHERE e.cohort_id = '$cohort'")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo
echo "machine: $(nproc) cores, $(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo | sed 's/^ *//'),"\
  "$(free -g | awk '/Mem:/ { print $2 }') GB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "database: $participants participants, $sessions sessions; cohort $cohort: $cohort_sessions sessions; $runs runs, medians"
printf 'cohort report   service %.3f s | shell: monthly attendance %.3f s (ratio %s), the report'"'"'s session aggregate %.3f s (ratio %s)\n' \
  "$cv" "$cs" "$(ratio "$cv" "$cs")" "$cx" "$(ratio "$cv" "$cx")"
printf 'comparison      service %.3f s | shell: per-site attendance %.3f s (ratio %s), per site and month by outcome %.3f s (ratio %s)\n' \
  "$sv" "$ss" "$(ratio "$sv" "$ss")" "$sx" "$(ratio "$sv" "$sx")"
echo "sessions offered, running totals vs the shell's count: per site $agree, for the cohort $agree_cohort"
