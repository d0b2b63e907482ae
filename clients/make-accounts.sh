#!/usr/bin/env bash
# Accounts for the Postman story (desist.postman_collection.json), on a training database, with the
# service running: a programme lead for every site, then a police officer and a clinician bound to the
# site. Staff can be bound only to a site that is open, so the lead opens it first through the API
# (the collection's "Open the site" then finds it open: 409, which it accepts).
#
#   clients/make-accounts.sh            # from the repository, service on localhost:8080
#   API=http://host:port/api JAR=... CONFIG=... SITE=STAC clients/make-accounts.sh
#
# add-user writes to the database config.yml names (DESIST_DB_URL, as for the service). The passwords
# are those of desist.postman_environment.json: training accounts, never for real case data.
set -euo pipefail

API=${API:-http://localhost:8080/api}
JAR=${JAR:-service/target/desist.jar}
CONFIG=${CONFIG:-config.yml}
SITE=${SITE:-STAC}

# add-user PASSWORD ARGS...: an account that already exists is left as it is
add_user() {
    local password=$1 output
    shift
    if output=$(echo "$password" | java -jar "$JAR" add-user "$@" "$CONFIG" 2>&1); then
        echo "$output" | tail -n 1
    elif [[ $output == *"already exists"* ]]; then
        echo "$output" | tail -n 1
    else
        echo "$output" >&2
        return 1
    fi
}

add_user lead-passphrase-2026 --username lead --role programme_lead

status=$(curl -s -o /dev/null -w '%{http_code}' -u lead:lead-passphrase-2026 -H 'Content-Type: application/json' \
    -d "{\"code\":\"$SITE\",\"name\":\"London Stalking Threat Assessment Centre\",\"model\":\"threat_assessment_centre\"}" \
    "$API/sites")
case $status in
    201) echo "Opened site $SITE" ;;
    409) echo "Site $SITE is open already" ;;
    *) echo "Opening site $SITE at $API answered $status" >&2; exit 1 ;;
esac

add_user police-passphrase-2026 --username pc.patel --role police --site "$SITE"
add_user clinic-passphrase-2026 --username dr.okafor --role clinician --site "$SITE"
