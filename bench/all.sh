#!/usr/bin/env bash
# The whole benchmark suite, in order, on one seeded programme (seeded once, cached: lib.sh), then a
# summary of the figures. Every script's full output is kept in the output folder.
#   startup.sh           start to healthy, seeded and empty database
#   participant-reads.sh audited participant reads beside /ping, 32 connections; resident memory
#   outcome-writes.sh    session outcomes, 16 writers
#   pdf-vs-json.sh       probation PDF against the same summary as JSON (run PDF_RUNS times)
#   cohort-figures.sh    cohort report and programme comparison against the sqlite3 shell
#   programme-page.sh    the programme page against the comparison it draws from (target <= 1.5)
# Needs: what the scripts need (Java 17, Maven, curl, python3, sqlite3, wrk).
# Usage: bench/all.sh [participants=50000] [runs=5] [seconds=15] [output folder]
#        DESIST_BENCH_PDF_RUNS (3), DESIST_BENCH_PDF_CALLS (50), DESIST_BENCH_COHORT_RUNS (9), DESIST_BENCH_PAGE_RUNS (7)
#        A script that fails (a missed target: PROBLEM) does not stop the others or the summary; all.sh then exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-50000}
runs=${2:-5}
seconds=${3:-15}
out=${4:-$(mktemp -d -t desist-bench-results-XXXX)}
pdf_runs=${DESIST_BENCH_PDF_RUNS:-3}
pdf_calls=${DESIST_BENCH_PDF_CALLS:-50}
cohort_runs=${DESIST_BENCH_COHORT_RUNS:-9}
page_runs=${DESIST_BENCH_PAGE_RUNS:-7}
mkdir -p "$out"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f service/target/desist.jar ] || mvn -q -DskipTests package
git log -1 --format='commit %h %s' > "$out/commit.txt" 2>/dev/null || true

failed=()
step() {  # name command...; a script that fails is noted, and the rest still run (its output says why)
  local name=$1; shift
  echo "== $name: $*" | tee -a "$out/commands.txt"
  local t0 rc=0; t0=$(date +%s)
  "$@" 2>&1 | tee "$out/$name.txt" || rc=$?
  echo "== $name took $(( $(date +%s) - t0 )) s$([ "$rc" = 0 ] || echo ", exit $rc")" | tee -a "$out/commands.txt"
  [ "$rc" = 0 ] || failed+=("$name")
}
# seed first (or find the cached seed), so that no benchmark's time includes it
step seed bash -c "source bench/lib.sh; bench_init; build_if_needed; seeded_db $participants 1"
[ ${#failed[@]} = 0 ] || { echo "seeding failed: see $out/seed.txt" >&2; exit 1; }
step startup bench/startup.sh "$participants" "$runs"
step participant-reads bench/participant-reads.sh "$participants" "$seconds" "$runs" 32
step outcome-writes bench/outcome-writes.sh "$participants" "$seconds" "$runs" 16
for r in $(seq 1 "$pdf_runs"); do step "pdf-vs-json-$r" bench/pdf-vs-json.sh "$pdf_calls" "$participants"; done
step cohort-figures bench/cohort-figures.sh "$participants" "$cohort_runs"
step programme-page bench/programme-page.sh "$participants" "$page_runs"

echo
echo "==== Summary ($participants participants; full outputs in $out)"
grep -h '^machine:' "$out/startup.txt" | head -1
echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" "$pdf_runs" <<'PY'
import re, statistics, sys
out, pdf_runs = sys.argv[1], int(sys.argv[2])
def text(name): return open(f"{out}/{name}.txt").read()
def line(name, pattern):
    m = re.search(pattern, text(name), re.M)
    return m.group(0) if m else f"({name}: no line matching {pattern!r})"
print("start-up      ", line("startup", r"^median start to healthy.*"))
print("reads         ", line("participant-reads", r"^run \|.*"))
print("              ", line("participant-reads", r"^med \|.*"))
print("              ", line("participant-reads", r"^errors .*"))
print("memory        ", line("participant-reads", r"^resident memory.*"))
print("writes        ", line("outcome-writes", r"^ run \|.*"))
print("              ", line("outcome-writes", r"^ med \|.*"))
print("              ", line("outcome-writes", r"^outcomes in the database.*"))
print("              ", line("outcome-writes", r"^rules ÷ none.*"))
for p in re.findall(r"^PROBLEM: .*", text("outcome-writes"), re.M): print("              ", p)
pdf, ratios = [], []
for r in range(1, pdf_runs + 1):
    t = text(f"pdf-vs-json-{r}")
    m = re.search(r"^PDF  x\d+: median ([\d.]+) ms", t, re.M); j = re.search(r"^JSON x\d+: median ([\d.]+) ms", t, re.M)
    q = re.search(r"= ([\d.]+) \(target", t)
    if m and j and q:
        pdf.append(float(m.group(1))); ratios.append(float(q.group(1)))
        print(f"pdf run {r}     warm PDF median {m.group(1)} ms, JSON median {j.group(1)} ms, ratio {q.group(1)}")
if pdf:
    print(f"pdf           median of {len(pdf)} runs: warm PDF {statistics.median(pdf):.1f} ms; PDF/JSON ratio {statistics.median(ratios):.2f}")
print("cohort        ", line("cohort-figures", r"^cohort report .*"))
print("              ", line("cohort-figures", r"^comparison .*"))
print("              ", line("cohort-figures", r"^sessions offered.*"))
print("programme page", line("programme-page", r"^programme page median.*"))
for p in re.findall(r"^PROBLEM: .*", text("programme-page"), re.M): print("              ", p)
PY
if [ ${#failed[@]} -gt 0 ]; then echo "failed: ${failed[*]} (their outputs in $out)"; exit 1; fi
