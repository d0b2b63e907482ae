#!/usr/bin/env bash
# Session outcomes recorded by concurrent writers, on the seeded programme.
# Each run first schedules fresh sessions, already due, across random real participants
# (POST /api/participants/{id}/sessions, wrk at the same concurrency, for twice the run's length;
# the scheduling rate is printed too), then records one outcome for each with
# POST /api/participants/{id}/sessions/{rid}/outcome, wrk with the given connections: every wrk thread
# has its own slice of the sessions and never sends one twice, so an outcome is never refused as a
# repeat. Each write is a bearer-token clinician's: access and site check, the session row, its
# version snapshot, the attendance running totals and the audit row, in one IMMEDIATE transaction.
# Prints per run writes/s, p50, p99 and errors (anything but 2xx, and socket errors: there should be
# none), then the medians, and checks the database holds the outcomes answered 200 (plus at most the
# requests in flight when wrk stopped). Exits 1 on any error.
# Needs: Java 17, Maven, curl, python3, sqlite3, wrk (Debian: apt-get install -y wrk).
# Usage: bench/outcome-writes.sh [participants=50000] [seconds=15] [runs=5] [connections=16] [seed=1]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
participants=${1:-50000}
seconds=${2:-15}
runs=${3:-5}
connections=${4:-16}
seed=${5:-1}
threads=${DESIST_BENCH_WRK_THREADS:-4}
[ "$threads" -le "$connections" ] || threads=$connections
schedule_seconds=$(awk -v s="$seconds" -v f="${DESIST_BENCH_POOL_FACTOR:-2}" 'BEGIN { printf "%d", s * f + 1 }')
need wrk "apt-get install -y wrk"
need sqlite3 "apt-get install -y sqlite3"
[ "$participants" -gt 0 ] || { echo "needs a seeded database: participants > 0" >&2; exit 1; }
build_if_needed

db=$(working_copy "$participants" "$seed") || exit 1
sqlite3 "$db" 'SELECT id FROM participant' > "$work/ids"
start_service "$db"
add_user --username bench.writer --role clinician --site SYNSTAC --site SYNRECOLO --site SYNASU
token=$(token_for bench.writer)
[ -n "$token" ] || { echo "no token" >&2; exit 1; }

cat bench/wrk/report.lua bench/wrk/schedule-sessions.lua > "$work/schedule.lua"
cat bench/wrk/report.lua bench/wrk/record-outcomes.lua > "$work/outcomes.lua"
wrk_() { wrk -t"$threads" -c"$connections" --timeout 30s -H "Authorization: Bearer $token" "$@"; }

# one run: schedule a pool of due sessions, deal them out to the wrk threads, record their outcomes
run() {
  local name=$1 due
  due=$(date -u -d '-2 minutes' +%FT%TZ)
  rm -f "$work/pool".* "$work/slice".*
  wrk_ -d"${schedule_seconds}s" -s "$work/schedule.lua" "http://127.0.0.1:$port/" -- "$work/ids" "$due" "$work/pool" \
    > "$work/$name.schedule"
  cat "$work/pool".* | awk -v t="$threads" -v out="$work/slice" '{ print > (out "." (NR % t + 1)) }'
  for t in $(seq 1 "$threads"); do
    [ -s "$work/slice.$t" ] || { echo "no sessions were scheduled:" >&2; cat "$work/$name.schedule" >&2; exit 1; }
  done
  wc -l < <(cat "$work/slice".*) > "$work/$name.pool"
  wrk_ -d"${seconds}s" -s "$work/outcomes.lua" "http://127.0.0.1:$port/" -- "$work/slice" > "$work/$name.outcomes"
}

recorded_before=$(sqlite3 "$db" "SELECT count(*) FROM session WHERE outcome_recorded_by = 'bench.writer'")
echo "warming up (one run of $seconds s, scheduling $schedule_seconds s before it)"
run warm
for r in $(seq 1 "$runs"); do run "run$r"; done
recorded=$(( $(sqlite3 "$db" "SELECT count(*) FROM session WHERE outcome_recorded_by = 'bench.writer'") - recorded_before ))

echo
machine
echo "database: $participants participants (seed $seed); wrk -t$threads -c$connections -d${seconds}s for outcomes" \
  "(scheduling: ${schedule_seconds}s); $runs runs"
python3 - "$work" "$runs" "$recorded" "$connections" <<'PY'
import json, statistics, sys
work, runs, recorded, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def result(path):
    for line in open(path):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    sys.exit(f"no RESULT in {path}:\n" + open(path).read())
def errors(x): return x["non2xx"] + x["socket_errors"]
print(f"{'run':>4} | {'writes/s':>8} {'p50 ms':>7} {'p99 ms':>8} {'errors':>6} {'pool':>6} | {'schedules/s':>11} {'p99 ms':>8} {'errors':>6}")
outs, scheds, problems, answered_200 = [], [], [], 0
for run in ["warm"] + [f"run{r}" for r in range(1, runs + 1)]:
    o, s = result(f"{work}/{run}.outcomes"), result(f"{work}/{run}.schedule")
    pool = int(open(f"{work}/{run}.pool").read())
    answered_200 += o["statuses"].get("200", 0)
    if run != "warm":
        outs.append(o); scheds.append(s)
    print(f"{run:>4} | {o['rps']:>8.0f} {o['p50_ms']:>7.2f} {o['p99_ms']:>8.2f} {errors(o):>6} {pool:>6} |"
          f" {s['rps']:>11.0f} {s['p99_ms']:>8.2f} {errors(s):>6}")
    for what, x in (("outcomes", o), ("scheduling", s)):
        if errors(x):
            problems.append(f"{run} {what}: {x['non2xx']} non-2xx, {x['socket_errors']} socket errors;"
                            f" statuses {x['statuses']}; first: {x['first_error']}")
    if o["extra"].get("exhausted") and run != "warm":
        problems.append(f"{run}: a wrk thread ran out of sessions, so the run is not valid"
                        " (raise DESIST_BENCH_POOL_FACTOR)")
m = lambda k, xs: statistics.median(x[k] for x in xs)
print(f"{'med':>4} | {m('rps', outs):>8.0f} {m('p50_ms', outs):>7.2f} {m('p99_ms', outs):>8.2f}"
      f" {sum(errors(x) for x in outs):>6} {'':>6} | {m('rps', scheds):>11.0f} {m('p99_ms', scheds):>8.2f}"
      f" {sum(errors(x) for x in scheds):>6}")
# wrk stops with up to one request per connection in flight: the service records it, wrk never counts it
in_flight = recorded - answered_200
agree = 0 <= in_flight <= connections * (runs + 1)
print(f"outcomes in the database by the bench writer: {recorded}; answered 200 to wrk: {answered_200};"
      f" difference {in_flight} ({'the requests in flight when wrk stopped' if agree else 'DISAGREE'})")
for p in problems: print("PROBLEM: " + p)
sys.exit(1 if problems or not agree else 0)
PY
