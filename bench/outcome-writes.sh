#!/usr/bin/env bash
# Session outcomes recorded by concurrent writers, on the seeded programme, with the attention rules evaluated in
# each write's transaction and without them (docs/attention.md; issue 17 asks for at least 90% of the rate).
# Two services run side by side on two copies of the seeded database, one with attention.evaluateOnWrite on and
# one with it off; every participant has a key worker and a responsible officer, so a rule that fires writes its
# alert, its recipients and their outbox rows. The runs alternate between the two (which goes first alternates
# too), so both meet the same machine. Each run first schedules fresh sessions, already due, across random real
# participants (POST /api/participants/{id}/sessions, wrk at the same concurrency, for twice the run's length;
# the scheduling rate is printed too), then records one outcome for each with
# POST /api/participants/{id}/sessions/{rid}/outcome, wrk with the given connections: every wrk thread
# has its own slice of the sessions and never sends one twice, so an outcome is never refused as a
# repeat. Outcomes cycle through attended, late, did-not-attend (two in a row fire consecutive_did_not_attend)
# and a concern (fires session_concern). Each write is a bearer-token clinician's: access and site check, the
# session row, its version snapshot, the attendance running totals, the rules and the audit row, in one
# IMMEDIATE transaction.
# Prints per run and service writes/s, p50, p99 and errors (anything but 2xx, and socket errors: there should be
# none), then the medians and the ratio of the rates (rules ÷ none, per round and the median), and checks each
# database holds the outcomes answered 200 (plus at most the requests in flight when wrk stopped). Exits 1 on
# any error, or when the median ratio is under 0.90.
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

# one service per setting of the rules, each on its own copy of the seeded database
declare -A svc_pid svc_port svc_token svc_db recorded_before
start_one() {
  local name=$1 rules=$2 db
  db=$(working_copy "$participants" "$seed") || exit 1
  export DESIST_ATTENTION_EVALUATE_ON_WRITE=$rules
  start_service "$db"
  add_user --username bench.writer --role clinician --site SYNSTAC --site SYNRECOLO --site SYNASU
  add_user --username bench.officer --role probation --site SYNSTAC --site SYNRECOLO --site SYNASU
  # every case has a team, so the rules' alerts have recipients (and outbox rows: the officer has an address)
  sqlite3 "$db" "PRAGMA busy_timeout = 30000;
    UPDATE app_user SET email = 'bench.officer@example.org' WHERE username = 'bench.officer';
    INSERT INTO case_team (id, participant_id, username, team_role, from_date, allocated_at, allocated_by)
      SELECT 'kw-' || id, id, 'bench.writer', 'key_worker', '2026-01-01', '2026-01-01T00:00:00Z', 'bench'
      FROM participant WHERE merged_into IS NULL;
    INSERT INTO case_team (id, participant_id, username, team_role, from_date, allocated_at, allocated_by)
      SELECT 'ro-' || id, id, 'bench.officer', 'responsible_officer', '2026-01-01', '2026-01-01T00:00:00Z', 'bench'
      FROM participant WHERE merged_into IS NULL;" > /dev/null
  svc_token[$name]=$(token_for bench.writer)
  [ -n "${svc_token[$name]}" ] || { echo "no token" >&2; exit 1; }
  svc_pid[$name]=$pid svc_port[$name]=$port svc_db[$name]=$db
  pid=
}
stop_both() { for p in "${svc_pid[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap 'stop_both; rm -rf "$work"' EXIT

start_one rules true
start_one none false
for name in rules none; do
  sqlite3 "${svc_db[$name]}" 'SELECT id FROM participant WHERE merged_into IS NULL' > "$work/ids"
  recorded_before[$name]=$(sqlite3 "${svc_db[$name]}" "SELECT count(*) FROM session WHERE outcome_recorded_by = 'bench.writer'")
done

cat bench/wrk/report.lua bench/wrk/schedule-sessions.lua > "$work/schedule.lua"
cat bench/wrk/report.lua bench/wrk/record-outcomes.lua > "$work/outcomes.lua"

# one run on one service: schedule a pool of due sessions, deal them out to the wrk threads, record their outcomes
run() {
  local name=$1 run=$2 due url
  url="http://127.0.0.1:${svc_port[$name]}/"
  wrk_() { wrk -t"$threads" -c"$connections" --timeout 30s -H "Authorization: Bearer ${svc_token[$name]}" "$@"; }
  due=$(date -u -d '-2 minutes' +%FT%TZ)
  rm -f "$work/pool".* "$work/slice".*
  wrk_ -d"${schedule_seconds}s" -s "$work/schedule.lua" "$url" -- "$work/ids" "$due" "$work/pool" \
    > "$work/$name.$run.schedule"
  cat "$work/pool".* | awk -v t="$threads" -v out="$work/slice" '{ print > (out "." (NR % t + 1)) }'
  for t in $(seq 1 "$threads"); do
    [ -s "$work/slice.$t" ] || { echo "no sessions were scheduled:" >&2; cat "$work/$name.$run.schedule" >&2; exit 1; }
  done
  wc -l < <(cat "$work/slice".*) > "$work/$name.$run.pool"
  wrk_ -d"${seconds}s" -s "$work/outcomes.lua" "$url" -- "$work/slice" > "$work/$name.$run.outcomes"
}

echo "warming up both services (one run each of $seconds s, scheduling $schedule_seconds s before it)"
run rules warm
run none warm
for r in $(seq 1 "$runs"); do
  if [ $((r % 2)) -eq 1 ]; then run rules "run$r"; run none "run$r"; else run none "run$r"; run rules "run$r"; fi
done
for name in rules none; do
  echo $(( $(sqlite3 "${svc_db[$name]}" "SELECT count(*) FROM session WHERE outcome_recorded_by = 'bench.writer'") \
    - ${recorded_before[$name]} )) > "$work/$name.recorded"
done
alerts=$(sqlite3 "${svc_db[rules]}" "SELECT count(*) FROM alert WHERE rule IN ('session_concern', 'consecutive_did_not_attend')")
alerts_none=$(sqlite3 "${svc_db[none]}" "SELECT count(*) FROM alert WHERE rule IN ('session_concern', 'consecutive_did_not_attend')")

echo
machine
echo "database: $participants participants (seed $seed); wrk -t$threads -c$connections -d${seconds}s for outcomes" \
  "(scheduling: ${schedule_seconds}s); $runs runs"
echo "alerts raised by the outcomes: with the rules $alerts, without $alerts_none"
python3 - "$work" "$runs" "$connections" <<'PY'
import json, statistics, sys
work, runs, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def result(path):
    for line in open(path):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    sys.exit(f"no RESULT in {path}:\n" + open(path).read())
def errors(x): return x["non2xx"] + x["socket_errors"]
problems, rates = [], {}
for name in ("rules", "none"):
    print(f"\n{name}: attention rules {'evaluated in each write' if name == 'rules' else 'off'}")
    print(f"{'run':>4} | {'writes/s':>8} {'p50 ms':>7} {'p99 ms':>8} {'errors':>6} {'pool':>6} | {'schedules/s':>11} {'p99 ms':>8} {'errors':>6}")
    outs, scheds, answered_200 = [], [], 0
    for run in ["warm"] + [f"run{r}" for r in range(1, runs + 1)]:
        o, s = result(f"{work}/{name}.{run}.outcomes"), result(f"{work}/{name}.{run}.schedule")
        pool = int(open(f"{work}/{name}.{run}.pool").read())
        answered_200 += o["statuses"].get("200", 0)
        if run != "warm":
            outs.append(o); scheds.append(s)
        print(f"{run:>4} | {o['rps']:>8.0f} {o['p50_ms']:>7.2f} {o['p99_ms']:>8.2f} {errors(o):>6} {pool:>6} |"
              f" {s['rps']:>11.0f} {s['p99_ms']:>8.2f} {errors(s):>6}")
        for what, x in (("outcomes", o), ("scheduling", s)):
            if errors(x):
                problems.append(f"{name} {run} {what}: {x['non2xx']} non-2xx, {x['socket_errors']} socket errors;"
                                f" statuses {x['statuses']}; first: {x['first_error']}")
        if o["extra"].get("exhausted") and run != "warm":
            problems.append(f"{name} {run}: a wrk thread ran out of sessions, so the run is not valid"
                            " (raise DESIST_BENCH_POOL_FACTOR)")
    m = lambda k, xs: statistics.median(x[k] for x in xs)
    print(f"{'med':>4} | {m('rps', outs):>8.0f} {m('p50_ms', outs):>7.2f} {m('p99_ms', outs):>8.2f}"
          f" {sum(errors(x) for x in outs):>6} {'':>6} | {m('rps', scheds):>11.0f} {m('p99_ms', scheds):>8.2f}"
          f" {sum(errors(x) for x in scheds):>6}")
    rates[name] = [x["rps"] for x in outs]
    recorded = int(open(f"{work}/{name}.recorded").read())
    # wrk stops with up to one request per connection in flight: the service records it, wrk never counts it
    in_flight = recorded - answered_200
    agree = 0 <= in_flight <= connections * (runs + 1)
    print(f"outcomes in the database by the bench writer: {recorded}; answered 200 to wrk: {answered_200};"
          f" difference {in_flight} ({'the requests in flight when wrk stopped' if agree else 'DISAGREE'})")
    if not agree:
        problems.append(f"{name}: the database and wrk disagree")
ratios = [a / b for a, b in zip(rates["rules"], rates["none"])]
ratio = statistics.median(rates["rules"]) / statistics.median(rates["none"])
print(f"\nrules ÷ none, writes/s by round: {', '.join(f'{r:.2f}' for r in ratios)};"
      f" medians {statistics.median(rates['rules']):.0f} ÷ {statistics.median(rates['none']):.0f} = {ratio:.2f}"
      " (target at least 0.90)")
if ratio < 0.90:
    problems.append(f"the rules cost more than 10% of the write rate: ratio {ratio:.2f}")
for p in problems: print("PROBLEM: " + p)
sys.exit(1 if problems else 0)
PY
