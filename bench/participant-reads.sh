#!/usr/bin/env bash
# Authenticated, audited reads of participants beside the framework's own ceiling, in one run on one
# service, and the service's resident memory idle and under that load.
#   audited: GET /api/participants/{id} with a bearer token (a clinician of all three synthetic sites),
#            each request a random real participant of the seeded programme: token check, access and
#            site check, one row read, and an audit row committed before the answer
#   ping:    GET /ping on the admin port: no authentication, no database (Jetty and Dropwizard alone)
# Runs alternate audited, ping, audited, ping...; each run prints req/s, p50 and p99 (wrk's latency),
# then the medians, and the audited/ping ratio of each pair with its median. Memory: VmRSS once healthy,
# after a settle, sampled every half second under the audited load (peak), and VmHWM at the end.
# DESIST_BENCH_AUTH=basic sends HTTP Basic credentials instead of the token (for comparison).
# Needs: Java 17, Maven, curl, python3, sqlite3, wrk (Debian: apt-get install -y wrk).
# Usage: bench/participant-reads.sh [participants=50000] [seconds=15] [runs=5] [connections=32] [seed=1]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init
participants=${1:-50000}
seconds=${2:-15}
runs=${3:-5}
connections=${4:-32}
seed=${5:-1}
threads=${DESIST_BENCH_WRK_THREADS:-2}
need wrk "apt-get install -y wrk"
need sqlite3 "apt-get install -y sqlite3"
[ "$participants" -gt 0 ] || { echo "needs a seeded database: participants > 0" >&2; exit 1; }
build_if_needed

db=$(working_copy "$participants" "$seed") || exit 1
sqlite3 "$db" 'SELECT id FROM participant' > "$work/ids"
start_service "$db"
rss_started=$(rss_kb "$pid" VmRSS)
add_user --username bench.reader --role clinician --site SYNSTAC --site SYNRECOLO --site SYNASU
if [ "${DESIST_BENCH_AUTH:-bearer}" = basic ]; then
  # the same login by HTTP Basic each request (the service caches verified logins)
  authorization="Basic $(printf 'bench.reader:%s' "$password" | base64 -w0)"
else
  token=$(token_for bench.reader)
  [ -n "$token" ] || { echo "no token" >&2; exit 1; }
  authorization="Bearer $token"
fi
sleep 5   # the background PDF warm-up after start
rss_idle=$(rss_kb "$pid" VmRSS)
audit_before=$(sqlite3 "$db" 'SELECT count(*) FROM audit_event')

cat bench/wrk/report.lua bench/wrk/participant-reads.lua > "$work/reads.lua"
reads() { wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s -H "Authorization: $authorization" \
  -s "$work/reads.lua" "http://127.0.0.1:$port/" -- "$work/ids"; }
ping() { wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 30s -s bench/wrk/report.lua "$admin/ping"; }
sample_rss() { while kill -0 "$pid" 2>/dev/null; do rss_kb "$pid" VmRSS; sleep 0.5; done; }

echo "warming up ($seconds s of each)"
reads > "$work/warm.reads"; ping > "$work/warm.ping"
grep -q '^RESULT' "$work/warm.reads" || { cat "$work/warm.reads" >&2; exit 1; }
: > "$work/rss.load"
for run in $(seq 1 "$runs"); do
  sample_rss >> "$work/rss.load" & sampler=$!
  reads > "$work/run$run.reads"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  ping > "$work/run$run.ping"
done
rss_hwm=$(rss_kb "$pid" VmHWM)
rss_after=$(rss_kb "$pid" VmRSS)
audit_after=$(sqlite3 "$db" 'SELECT count(*) FROM audit_event')
rss_peak=$(sort -n "$work/rss.load" | tail -1)

echo
machine
echo "database: $participants participants (seed $seed); ${authorization%% *} authentication; wrk -t$threads -c$connections -d${seconds}s; $runs runs of each, alternating"
python3 - "$work" "$runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
def result(path):
    for line in open(path):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    sys.exit(f"no RESULT in {path}:\n" + open(path).read())
rows, ratios, bad = {"reads": [], "ping": []}, [], 0
print(f"{'run':>3} | {'audited req/s':>13} {'p50 ms':>7} {'p99 ms':>7} | {'/ping req/s':>11} {'p50 ms':>7} {'p99 ms':>7} | audited/ping")
for run in range(1, runs + 1):
    r, p = result(f"{work}/run{run}.reads"), result(f"{work}/run{run}.ping")
    rows["reads"].append(r); rows["ping"].append(p)
    ratios.append(r["rps"] / p["rps"])
    bad += r["non2xx"] + r["socket_errors"] + p["non2xx"] + p["socket_errors"]
    print(f"{run:>3} | {r['rps']:>13.0f} {r['p50_ms']:>7.2f} {r['p99_ms']:>7.2f} | {p['rps']:>11.0f} {p['p50_ms']:>7.2f}"
          f" {p['p99_ms']:>7.2f} | {ratios[-1]:.3f}")
    for name, x in (("audited", r), ("ping", p)):
        if x["non2xx"] or x["socket_errors"]:
            print(f"    {name}: {x['non2xx']} non-2xx, {x['socket_errors']} socket errors; statuses {x['statuses']};"
                  f" first: {x['first_error']}")
m = lambda k, name: statistics.median(x[k] for x in rows[name])
print(f"med | {m('rps','reads'):>13.0f} {m('p50_ms','reads'):>7.2f} {m('p99_ms','reads'):>7.2f} | {m('rps','ping'):>11.0f}"
      f" {m('p50_ms','ping'):>7.2f} {m('p99_ms','ping'):>7.2f} | {statistics.median(ratios):.3f}")
print(f"errors (non-2xx and socket errors, all runs): {bad}")
PY
echo "audit rows written during the runs (warm-up included): $((audit_after - audit_before))"
echo "resident memory: $((rss_started / 1024)) MB when healthy, $((rss_idle / 1024)) MB idle 5 s later," \
  "peak $((rss_peak / 1024)) MB under the audited load (sampled every 0.5 s), $((rss_after / 1024)) MB after," \
  "VmHWM $((rss_hwm / 1024)) MB"
echo "JVM: $(tr '\0' ' ' < "/proc/$pid/cmdline")"
