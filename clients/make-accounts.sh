#!/usr/bin/env bash
# Accounts for the Postman story (desist.postman_collection.json), on a training database, with the
# service running: a programme lead for every site, then a police officer and a clinician bound to the
# site. Each enrols a second factor through the API as it is made (the service requires one by default),
# and its secret goes into a Postman environment for the story's pre-request script. Staff can be bound
# only to a site that is open, so the lead opens it first through the API, with a token got with a code
# (the collection's "Open the site" then finds it open: 409, which it accepts).
#
#   clients/make-accounts.sh            # from the repository, service on localhost:8080
#   API=http://host:port/api JAR=... CONFIG=... SITE=STAC ENVIRONMENT=file.json clients/make-accounts.sh
#
# add-user writes to the database config.yml names (DESIST_DB_URL, as for the service). The passwords
# are those of desist.postman_environment.json: training accounts, never for real case data. The secrets
# go into ENVIRONMENT (clients/local.postman_environment.json, which git ignores): run the story with it.
# Needs curl, python3 and oathtool (apt-get install oathtool).
set -euo pipefail

API=${API:-http://localhost:8080/api}
JAR=${JAR:-service/target/desist.jar}
CONFIG=${CONFIG:-config.yml}
SITE=${SITE:-STAC}
ENVIRONMENT=${ENVIRONMENT:-$(dirname "$0")/local.postman_environment.json}
source "$(dirname "$0")/two-factors.sh"

add_user lead-passphrase-2026 --username lead --role programme_lead
enrol lead lead-passphrase-2026 leadSecret
token lead lead-passphrase-2026 "$SECRET"

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$SITE\",\"name\":\"London Stalking Threat Assessment Centre\",\"model\":\"threat_assessment_centre\"}" \
    "$API/sites")
case $status in
    201) echo "Opened site $SITE" ;;
    409) echo "Site $SITE is open already" ;;
    *) echo "Opening site $SITE at $API answered $status" >&2; exit 1 ;;
esac

add_user police-passphrase-2026 --username pc.patel --role police --site "$SITE"
enrol pc.patel police-passphrase-2026 policeSecret
add_user clinic-passphrase-2026 --username dr.okafor --role clinician --site "$SITE"
enrol dr.okafor clinic-passphrase-2026 clinicianSecret
echo "Run the story with -e $ENVIRONMENT"
