#!/usr/bin/env bash
# Reads per second with the audit on and off, in one run on one service.
#   audited:   GET /api/participants/{id}  (auth + site check + one row read + an audit row, durable
#              before the answer, through the group-committing writer)
#   unaudited: GET /api/sites/{code}       (auth + one row read; programme data, not audited)
# Both use the same Basic credentials (a police officer of the site) (logins are cached), so the difference is the audit row.
# Needs: Java 17, Maven, curl, wrk (Debian: apt-get install wrk). Usage: bench/audit-reads.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
port=${DESIST_BENCH_PORT:-18080}
admin_port=$((port + 1))
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

[ -f service/target/desist.jar ] || mvn -q -DskipTests package
export DESIST_DB_URL="jdbc:sqlite:$work/bench.db" DESIST_PORT=$port DESIST_ADMIN_PORT=$admin_port
password='bench-password-long-enough'
echo "$password" | java -jar service/target/desist.jar add-user --username lead --role programme_lead config.yml > /dev/null
java -jar service/target/desist.jar server config.yml > "$work/service.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$admin_port/ping" && break; sleep 1; done

api="http://127.0.0.1:$port/api"
auth=(-u "lead:$password" -H 'Content-Type: application/json')
curl -fs "${auth[@]}" -d '{"code":"BENCH","name":"Bench site","model":"clinic_treatment"}' "$api/sites" > /dev/null
echo "$password" | java -jar service/target/desist.jar add-user --username reader --role police --site BENCH config.yml > /dev/null
auth=(-u "reader:$password" -H 'Content-Type: application/json')
participant=$(curl -fs "${auth[@]}" -d '{"siteCode":"BENCH","receivedOn":"2026-02-01","source":"police","referrer":"DC Bench",
  "behaviour":"Synthetic","victimRef":"VA-BENCH","legalStatus":"None","participant":{"givenName":"Synthetic",
  "familyName":"Person","dateOfBirth":"1980-01-01"}}' "$api/referrals" | sed -E 's/.*"participantId":"([^"]+)".*/\1/')
header="Authorization: Basic $(printf 'reader:%s' "$password" | base64 -w0)"

run() { wrk -t2 -c"$connections" -d"${seconds}s" -H "$header" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "warming up"; run "$api/sites/BENCH" > /dev/null; run "$api/participants/$participant" > /dev/null
unaudited=$(run "$api/sites/BENCH")
audited=$(run "$api/participants/$participant")
rows=$(sqlite3 "$work/bench.db" 'SELECT count(*) FROM audit_event')
echo "connections=$connections seconds=$seconds"
echo "unaudited GET /api/sites/{code}:        $unaudited req/s"
echo "audited   GET /api/participants/{id}:   $audited req/s"
echo "audit rows written: $rows"
awk -v a="$audited" -v u="$unaudited" 'BEGIN { printf "audited / unaudited = %.2f\n", a / u }'
java -jar service/target/desist.jar audit-verify config.yml 2>&1 | tail -1
