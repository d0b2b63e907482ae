#!/usr/bin/env bash
# Nothing acknowledged is lost when the service is killed. Each round: 16 writers schedule sessions and
# record their outcomes through the API, logging every write the service acknowledged; at a random
# moment 2-8 s in, the service is killed with kill -9; it is restarted on the same SQLite file, and
# then every write acknowledged in this round and all earlier ones must be there (looked up through the
# API), PRAGMA integrity_check must answer ok and audit-verify must pass. The database grows round by
# round. Exits non-zero on any loss or failed check.
# Needs: Java 17, Maven, curl, Python 3 (standard library); sqlite3 is used when present.
# Usage: bench/crash-test.sh [rounds] [writers]
#   CRASH_TEST_NO_SQLITE3=1 checks integrity with Java; CRASH_TEST_KEEP=1 keeps the database and logs
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
writers=${2:-16}
jar=service/target/desist.jar
work=$(mktemp -d)
db=$work/crash.db
pid=
stop_service() { # signal: KILL for the crash, TERM for the end
    [ -n "$pid" ] && kill "-$1" "$pid" 2> /dev/null || true
    [ -n "$pid" ] && wait "$pid" 2> /dev/null || true
    pid=
}
trap 'status=$?; stop_service KILL
      if [ $status = 0 ] && [ -z "${CRASH_TEST_KEEP:-}" ]; then rm -rf "$work"; else echo "kept for inspection: $work (service.log, acks-*.log)" >&2; fi' EXIT

[ -f "$jar" ] || mvn -q -DskipTests package
export DESIST_DB_URL="jdbc:sqlite:$db"
password='crash-test-password-long-enough'
writer() { python3 bench/crash-writers.py "$1" "$api" "$2" "$password" "${@:3}"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_service() {
    local port admin
    port=$(free_port); admin=$(free_port)
    DESIST_PORT=$port DESIST_ADMIN_PORT=$admin java -jar "$jar" server config.yml >> "$work/service.log" 2>&1 &
    pid=$!
    api="http://127.0.0.1:$port/api"
    for _ in $(seq 1 120); do
        curl -fs -o /dev/null "http://127.0.0.1:$admin/ping" && return
        kill -0 "$pid" 2> /dev/null || { echo "the service did not start: see $work/service.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "the service did not answer within 60 s: see $work/service.log" >&2
    exit 1
}

# integrity_check with the sqlite3 tool, or, where there is none, with the jar's own driver
cat > "$work/IntegrityCheck.java" <<'JAVA'
public class IntegrityCheck {
    public static void main(String[] args) throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             var answer = db.createStatement().executeQuery("PRAGMA integrity_check")) {
            var lines = new java.util.ArrayList<String>();
            while (answer.next()) lines.add(answer.getString(1));
            System.out.println(String.join("; ", lines));
        }
    }
}
JAVA
integrity() {
    if [ "$tool" = sqlite3 ]; then
        sqlite3 "$db" 'PRAGMA integrity_check' | paste -sd ';' | sed 's/;/; /g'
    else
        java -cp "$jar" "$work/IntegrityCheck.java" "$db"
    fi
}

# accounts, a site and four participants whose cases the writers fill
echo "$password" | java -jar "$jar" add-user --username lead --role programme_lead config.yml > /dev/null
start_service
curl -fs -o /dev/null -u "lead:$password" -H 'Content-Type: application/json' \
    -d '{"code":"CRASH","name":"SYNTHETIC crash test site","model":"clinic_treatment"}' "$api/sites"
echo "$password" | java -jar "$jar" add-user --username clinician --role clinician --site CRASH config.yml > /dev/null
writer participants clinician 4 > "$work/participants"
tool=java
if command -v sqlite3 > /dev/null && [ -z "${CRASH_TEST_NO_SQLITE3:-}" ]; then tool=sqlite3; fi
echo "crash test: $rounds rounds, $writers writers, database $db, integrity_check by $tool"

failed=0 intact_rounds=0 verified_rounds=0 total_acknowledged=0 total_found=0
for round in $(seq 1 "$rounds"); do
    log=$work/acks-$round.log
    : > "$log"
    writer write clinician "$work/participants" "$log" "$writers" > "$work/writer-$round.out" 2> "$work/writer-$round.err" &
    writers_pid=$!
    delay_ms=$((2000 + RANDOM % 6001))
    sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
    stop_service KILL
    wait "$writers_pid"
    read -r sessions outcomes refused < "$work/writer-$round.out"

    start_service
    earlier=()
    for n in $(seq 1 $((round - 1))); do earlier+=("$work/acks-$n.log"); done
    figures=$(writer check clinician "$work/participants" "$log" "${earlier[@]}")
    read -r acknowledged found all_acknowledged all_found kept <<< "$figures"
    missing=$((acknowledged - found)) all_missing=$((all_acknowledged - all_found))
    total_acknowledged=$all_acknowledged total_found=$all_found
    checked=$(integrity)
    if verified=$(java -jar "$jar" audit-verify config.yml 2>&1); then
        audit="ok ($(echo "$verified" | tail -1 | sed -E 's/.*intact: ([0-9]+) rows.*/\1 rows/'))"
        verified_rounds=$((verified_rounds + 1))
    else
        audit="FAILED: $(echo "$verified" | tail -1)"
        failed=1
    fi
    [ "$checked" = ok ] && intact_rounds=$((intact_rounds + 1)) || failed=1
    # a round that acknowledged nothing proved nothing
    if [ "$missing" != 0 ] || [ "$all_missing" != 0 ] || [ "$acknowledged" = 0 ] || [ "$refused" != 0 ]; then
        failed=1
    fi
    echo "round $round: killed after $((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000))) s;" \
        "acknowledged $acknowledged ($sessions sessions, $outcomes outcomes), found $found, missing $missing;" \
        "all rounds so far: acknowledged $all_acknowledged, found $all_found, missing $all_missing;" \
        "refused $refused; in flight but kept $kept; integrity $checked; audit-verify $audit"
done
stop_service TERM

echo "total over $rounds rounds: acknowledged $total_acknowledged, found $total_found," \
    "missing $((total_acknowledged - total_found)); integrity ok in $intact_rounds/$rounds rounds;" \
    "audit-verify passed in $verified_rounds/$rounds rounds"
if [ "$failed" != 0 ]; then
    echo "CRASH TEST FAILED" >&2
    exit 1
fi
echo "crash test passed"
