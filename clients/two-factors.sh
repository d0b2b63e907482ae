# Sourced by make-accounts.sh and portman/contract-tests.sh: accounts, and their second factor through the API as
# any REST client meets it (the service requires a second factor by default). Needs curl, python3 and oathtool
# (Debian's package: apt-get install oathtool), and API, JAR, CONFIG and ENVIRONMENT set.
#
# The secrets live in ENVIRONMENT, a Postman environment (JSON) made from desist.postman_environment.json on first
# use: the base32 secret of each account's second factor, as a secret value beside its password. A person keeps
# theirs in an authenticator app and, for Postman, in their environment; the collections' pre-request script
# computes codes from it. On a training database only, like the passwords.

command -v oathtool > /dev/null || { echo "oathtool is needed for the second factor's codes: apt-get install oathtool" >&2; exit 1; }

# add_user PASSWORD ARGS...: an account that already exists is left as it is
add_user() {
    local password=$1 output
    shift
    if output=$(echo "$password" | java -jar "$JAR" add-user "$@" "$CONFIG" 2>&1) || [[ $output == *"already exists"* ]]; then
        echo "$output" | tail -n 1
    else
        echo "$output" >&2
        return 1
    fi
}

# stored KEY: the environment's value of KEY (empty when it has none)
stored() {
    [[ -f $ENVIRONMENT ]] || return 0
    python3 - "$ENVIRONMENT" "$1" <<'PY'
import json, sys
for value in json.load(open(sys.argv[1]))["values"]:
    if value["key"] == sys.argv[2]:
        print(value["value"])
PY
}

# store KEY VALUE: sets KEY in the environment, a secret value (made from desist.postman_environment.json first)
store() {
    python3 - "$ENVIRONMENT" "$(dirname "${BASH_SOURCE[0]}")/desist.postman_environment.json" "$1" "$2" "$API" <<'PY'
import json, os, sys
path, template, key, value, api = sys.argv[1:]
if os.path.exists(path):
    environment = json.load(open(path))
else:
    environment = json.load(open(template))
    environment["name"] = "Desist (local, with the training accounts' second factors)"
    for entry in environment["values"]:
        if entry["key"] == "baseUrl":
            entry["value"] = api
entries = [entry for entry in environment["values"] if entry["key"] == key]
if not entries:
    entries = [{"key": key, "type": "secret", "enabled": True}]
    environment["values"].append(entries[0])
entries[0]["value"] = value
descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
with os.fdopen(descriptor, "w") as out:
    json.dump(environment, out, indent=2)
    out.write("\n")
PY
}

# code SECRET: sets CODE to a current code of the secret. A code is accepted once, so none is handed out twice:
# the same step again waits for the next one (30 seconds at most).
declare -A CODE_STEP=()
code() {
    local step=$(($(date +%s) / 30))
    while ((step <= ${CODE_STEP[$1]:-0})); do
        sleep $((30 - $(date +%s) % 30))
        step=$(($(date +%s) / 30))
    done
    CODE_STEP[$1]=$step
    CODE=$(oathtool --totp -b "$1" -N "@$((step * 30))")
}

# call EXPECTED-STATUS CURL-ARGS...: sets ANSWER to the body; fails, printing the answer, on another status
call() {
    local expected=$1 status
    shift
    ANSWER=$(curl -s -w '\n%{http_code}' "$@")
    status=${ANSWER##*$'\n'}
    ANSWER=${ANSWER%$'\n'*}
    if [[ $status != "$expected" ]]; then
        echo "${*: -1} answered $status: $ANSWER" >&2
        return 1
    fi
}

field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1" <<< "$ANSWER"; }

# enrol USERNAME PASSWORD KEY: SECRET is the account's second factor, from the environment's KEY or else enrolled
# now (the account signs in with its password alone, which reaches nothing but enrolment and POST /tokens), then
# confirmed with a current code, and stored as KEY. The ten recovery codes the confirmation answers are not kept:
# a person writes them down.
enrol() {
    SECRET=$(stored "$3")
    if [[ -n $SECRET ]]; then
        echo "$1 enrolled a second factor before: its secret is $3 in $ENVIRONMENT"
        return
    fi
    if ! call 201 -u "$1:$2" -X POST "$API/me/second-factor"; then
        echo "$1 may have enrolled a second factor already, and $ENVIRONMENT has no $3 for it: an administrator" \
            "resets it (DELETE $API/users/$1/second-factor), or start on a fresh training database" >&2
        return 1
    fi
    SECRET=$(field secret)
    code "$SECRET"
    call 200 -u "$1:$2" -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}" "$API/me/second-factor/confirm"
    store "$3" "$SECRET"
    echo "$1 enrolled a second factor: its secret is $3 in $ENVIRONMENT"
}

# token USERNAME PASSWORD SECRET: TOKEN is a bearer token, issued for the password and a current code
token() {
    code "$3"
    call 201 -u "$1:$2" -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}" "$API/tokens"
    TOKEN=$(field token)
}
