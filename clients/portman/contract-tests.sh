#!/usr/bin/env bash
# Contract tests generated from the service's own OpenAPI description: Portman reads $API/openapi.json and
# writes a Postman collection with one request for every operation and its contract checks (status, Content-Type,
# JSON body, the body against the response schema, required headers); newman runs it against the service. The
# requests make their own records in story order (portman-config.yaml says how), as the accounts below. Each
# request signs in as a REST client must when the second factor is required (the default): a bearer token, got
# with the password and a current code by the story's pre-request script (clients/desist.postman_collection.json),
# which this puts first in the generated collection.
#
#   clients/portman/contract-tests.sh     # from the repository, service on localhost:8080, after make-accounts.sh
#   API=http://host:port/api JAR=... CONFIG=... ENVIRONMENT=file.json OUT=dir REPORT=file.json \
#       clients/portman/contract-tests.sh
#
# Needs the npm tools of .ci/node (npm ci --prefix .ci/node), oathtool, and the site and programme lead that
# clients/make-accounts.sh makes, with the lead's secret in ENVIRONMENT (as make-accounts.sh wrote it); the
# accounts this makes enrol their second factor through the API, their secrets added to ENVIRONMENT. On a training
# database only: the accounts' passwords are in portman-config.yaml. Exits non-zero when any contract check fails;
# REPORT is newman's JSON report.
set -euo pipefail
cd "$(dirname "$0")/../.."

API=${API:-http://localhost:8080/api}
JAR=${JAR:-service/target/desist.jar}
CONFIG=${CONFIG:-config.yml}
SITE=${SITE:-STAC}
ENVIRONMENT=$(realpath -m "${ENVIRONMENT:-clients/local.postman_environment.json}")
BIN=.ci/node/node_modules/.bin
OUT=$(realpath -m "${OUT:-$(mktemp -d)}")
REPORT=${REPORT:-$OUT/contract-report.json}
mkdir -p "$OUT"

source clients/two-factors.sh
[[ -n $(stored leadSecret) ]] || { echo "No leadSecret in $ENVIRONMENT: run clients/make-accounts.sh first" >&2; exit 1; }
add_user contract-passphrase-2026 --username contract --site "$SITE" \
    --role clinician --role probation --role cps --role programme_lead --role advocate --role police
enrol contract contract-passphrase-2026 contractSecret
# takes over the contract account's parts on the site's cases when the team is reallocated (it never signs in)
add_user colleague-passphrase-2026 --username contract.colleague --site "$SITE" \
    --role clinician --role probation --role cps --role advocate --role police
add_user admin-passphrase-2026 --username contract.admin --role admin
enrol contract.admin admin-passphrase-2026 adminSecret

# Portman keeps its working files under ./tmp and reads ./.env: it runs in OUT, with the story's pre-request
# script beside it (portman-config.yaml names it).
ROOT=$(pwd)
python3 - clients/desist.postman_collection.json "$OUT/two-factors.js" <<'PY'
import json, sys
collection = json.load(open(sys.argv[1]))
script = next(event for event in collection["event"] if event["listen"] == "prerequest")["script"]["exec"]
open(sys.argv[2], "w").write("\n".join(script) + "\n")
PY
(cd "$OUT" && "$ROOT/$BIN/portman" --cliOptionsFile "$ROOT/clients/portman/portman-cli.json" \
    -c "$ROOT/clients/portman/portman-config.yaml" -s "$ROOT/clients/portman/postman-config.json" \
    -u "$API/openapi.json" -b "$API" -o contract.postman_collection.json > portman.log 2>&1) \
    || { cat "$OUT/portman.log"; exit 1; }
grep -A3 'WARNING' "$OUT/portman.log" || true

# newman's closing table pads every row to its longest message (a schema error can be 20 kB): leave it out and
# list each failed check once, cut short, from the JSON report.
status=0
"$BIN/newman" run "$OUT/contract.postman_collection.json" -e "$ENVIRONMENT" --env-var "baseUrl=$API" --env-var "siteCode=$SITE" \
    --color off --reporters cli,json --reporter-cli-no-success-assertions --reporter-cli-no-failures \
    --reporter-json-export "$REPORT" > "$OUT/newman.log" 2>&1 || status=$?
tail -n 22 "$OUT/newman.log"
python3 - "$REPORT" <<'PY'
import json, sys
seen = set()
for execution in json.load(open(sys.argv[1]))["run"]["executions"]:
    cursor = execution["cursor"]  # a pre-request's pm.sendRequest repeats its request's execution
    if (cursor["iteration"], cursor["position"]) in seen:
        continue
    seen.add((cursor["iteration"], cursor["position"]))
    for assertion in execution.get("assertions", []):
        if assertion.get("error"):
            code = execution.get("response", {}).get("code")
            print(f"  failed: {assertion['assertion']} [{code}]: {' '.join(assertion['error']['message'].split())[:300]}")
PY
exit $status
