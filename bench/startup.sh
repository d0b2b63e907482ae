#!/usr/bin/env bash
# Start-up time: from launching `java -jar service/target/desist.jar server config.yml` to the first
# 200 from the admin port's /healthcheck (every health check passing: the database open, its pragmas
# checked, migrations applied, report templates loaded and rehearsed), polled every 20 ms; against the
# floor of the same jar, `java -jar service/target/desist.jar check config.yml` (the JVM, Dropwizard and
# the configuration parsed and validated, nothing started), measured in the same run.
#   check:  the check command's wall time
#   seeded: the seeded programme (one working copy, started again each run)
#   empty:  a new database file each run, so start-up includes creating the schema (every migration)
# Runs go check, seeded, empty, check, seeded...; prints each, the medians, the ratio of each start's median
# to the check's median (issue 14's goal: seeded <= 1.7), the service's own log lines on templates and
# rehearsal, and resident memory (VmRSS) when healthy. DESIST_BENCH_JAR names another jar to measure.
# Needs: Java 17, Maven, curl, python3, sqlite3.
# Usage: bench/startup.sh [participants=50000] [runs=5] [seed=1]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
participants=${1:-50000}
runs=${2:-5}
seed=${3:-1}
build_if_needed
seeded=$(working_copy "$participants" "$seed") || exit 1
poll_interval=0.02

one() {  # kind db
  : > "$work/service.log"
  start_service "$2"
  local seconds rss
  seconds=$(awk -v a="$started_s" -v b="$healthy_s" 'BEGIN { printf "%.3f", b - a }')
  rss=$(( $(rss_kb "$pid" VmRSS) / 1024 ))
  stop_service
  echo "$seconds" >> "$work/$1"
  echo "$rss" >> "$work/$1.rss"
  printf '%-7s run %d: healthy after %s s, VmRSS %d MB; %s; %s\n' "$1" "$run" "$seconds" "$rss" \
    "$(grep -o 'report templates.* in [0-9]* ms' "$work/service.log" | sed 's/.* in /templates /' || echo 'templates ?')" \
    "$(grep -oE 'Rehearsed the .*PDFs.* in [0-9]+ ms( \(the start waited [0-9]+ ms for it\))?' "$work/service.log" \
       | sed -E 's/.* in ([0-9]+ ms)/rehearsal \1/' || echo 'rehearsal ?')"
}
check() {
  local started seconds
  started=$(date +%s.%N)
  java ${DESIST_BENCH_JAVA_OPTS:-} -jar "$jar" check config.yml > "$work/check.log" 2>&1 \
    || { echo "the check command failed:" >&2; tail -20 "$work/check.log" >&2; exit 1; }
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  echo "$seconds" >> "$work/check"
  printf '%-7s run %d: %s s\n' check "$run" "$seconds"
}
echo "one start of each first, not counted (brings the jar and the database into the file cache)"
run=0; check > /dev/null; one seeded "$seeded" > /dev/null; one empty "$work/empty-0.db" > /dev/null
for f in check seeded seeded.rss empty empty.rss; do : > "$work/$f"; done
for run in $(seq 1 "$runs"); do
  check
  one seeded "$seeded"
  one empty "$work/empty-$run.db"
done
echo
machine
echo "database: $participants participants (seed $seed), $(du -h "$seeded" | cut -f1); $runs starts of each, alternating"
printf 'median start to healthy: seeded %.2f s (VmRSS %.0f MB), empty %.2f s (VmRSS %.0f MB)\n' \
  "$(median < "$work/seeded")" "$(median < "$work/seeded.rss")" "$(median < "$work/empty")" "$(median < "$work/empty.rss")"
awk -v check="$(median < "$work/check")" -v seeded="$(median < "$work/seeded")" -v empty="$(median < "$work/empty")" \
  'BEGIN { printf "median check %.2f s; start to healthy / check: seeded %.2f, empty %.2f (goal: seeded <= 1.7)\n",
           check, seeded / check, empty / check }'
echo "jar: $jar"
