# Sourced by render-pages.sh, pdf-vs-json.sh and case-page.sh: starts the service on a temporary database and builds
# one case with 300 sessions (and every other kind of record), as the API's users would, over HTTP.
# The database is empty, or a copy of the seeded programme when the caller sets
# summary_participants (and summary_seed, default 1) first: then the case sits among that many others.
# Needs: Java 17, Maven, curl, python3 (to find free ports), sqlite3 (seeded only).
# Sets: work, pid, api, case_id, case_ref, PROBATION (curl credentials).
source bench/lib.sh
bench_init
build_if_needed
db=$(working_copy "${summary_participants:-0}" "${summary_seed:-1}") || exit 1
start_service "$db"
echo "service healthy after $(awk -v a="$started_s" -v b="$healthy_s" 'BEGIN { printf "%.1f", b - a }') s;" \
  "$(grep -o 'report templates.*' "$work/service.log" || echo 'templates: see log')"
add_user --username lead --role programme_lead

api="http://127.0.0.1:$port/api"
J='Content-Type: application/json'
LEAD=(-u "lead:$password" -H "$J")
curl -fs "${LEAD[@]}" -d '{"code":"BENCH","name":"Bench site","model":"clinic_treatment"}' "$api/sites" > /dev/null
cohort=$(curl -fs "${LEAD[@]}" -d '{"siteCode":"BENCH","name":"Bench pilot","startsOn":"2026-01-05","endsOn":"2027-12-31","target":20}' \
  "$api/cohorts" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
add_user --username dr.bench --role clinician --role police --site BENCH
add_user --username po.bench --role probation --site BENCH
STAFF=(-u "dr.bench:$password" -H "$J")
PROBATION=(-u "po.bench:$password")
post() { curl -fs "${STAFF[@]}" -d "$2" "$api$1"; }
id_of() { sed -E 's/^\{"id":"([^"]+)".*/\1/'; }

referral=$(post /referrals '{"siteCode":"BENCH","receivedOn":"2026-02-01","source":"police","referrer":"DC Bench",
  "behaviour":"Repeated unwanted messages; followed the victim to work","victimRef":"VA-BENCH-1",
  "legalStatus":"Charged with stalking (s.2A Protection from Harassment Act 1997); on bail",
  "participant":{"givenName":"Synthetic","familyName":"Person","dateOfBirth":"1980-01-01","pncId":"2019/0012345A"}}')
case_id=$(echo "$referral" | sed -E 's/.*"participantId":"([^"]+)".*/\1/')
case_ref=$(echo "$referral" | sed -E 's/.*"caseRef":"([^"]+)".*/\1/')
post "/referrals/$(echo "$referral" | id_of)/review" '{"reviewedOn":"2026-02-02","priority":"high",
  "decision":"accept_for_intervention","reason":"Escalating fixation","screening":{"instrument":"S-DASH","answers":
  {"q1":true,"q2":true,"q3":false,"q4":true,"q5":true,"q6":true,"q7":false,"q8":false,"q9":true,"q10":true,"q11":false}}}' > /dev/null
enrolment=$(post /enrolments "{\"participantId\":\"$case_id\",\"cohortId\":\"$cohort\",\"on\":\"2026-02-03\"}" | id_of)
post "/enrolments/$enrolment/transitions" '{"to":"assessing","on":"2026-02-04","reason":"Consented to assessment"}' > /dev/null
post "/enrolments/$enrolment/transitions" '{"to":"enrolled","on":"2026-02-10","reason":"Suitable; starts treatment"}' > /dev/null
base="/participants/$case_id"
post "$base/assessments" '{"kind":"psychiatric","assessedOn":"2026-02-20","assessor":"Dr A. Mensah","instrument":"SRP",
  "riskRatings":{"violence":"moderate","persistence":"high","recurrence":"high","psychosocial_damage":"moderate"},
  "overallRisk":"high","stalkerType":"rejected","relationship":"ex_intimate",
  "diagnoses":[{"system":"ICD-10","code":"F60.3","label":"Emotionally unstable personality disorder"}],
  "substanceMisuse":["alcohol"],"formulation":"Clinical formulation: not for the summaries."}' > /dev/null
post "$base/legal-measures" '{"kind":"stalking_protection_order","from":"2026-01-15","until":"2028-01-14",
  "conditions":"Not to contact the victim directly or indirectly, including through social media or third parties; not to enter Church Street, Anytown; to notify the police of any change of address within three days."}' > /dev/null
post "$base/legal-measures" '{"kind":"bail_conditions","from":"2026-01-10","until":"2026-03-01","conditions":"Reside at home address"}' > /dev/null
onward=$(post "$base/service-referrals" '{"service":"substance_misuse","kind":"alcohol","provider":"Northside Community Alcohol Team",
  "madeOn":"2026-03-02","reason":"Drinks before contacting the victim"}' | id_of)
post "$base/service-referrals/$onward/transitions" '{"to":"accepted","on":"2026-03-09","reason":"Assessment booked"}' > /dev/null
post "$base/service-referrals" '{"service":"other","kind":"housing","provider":"Anytown Housing Options",
  "madeOn":"2026-04-01","reason":"Needs a stable address away from the victim"}' > /dev/null
post "$base/risk-plan/actions" '{"action":"Serve the stalking protection order and confirm its conditions in writing","agency":"police",
  "owner":"DC 4521 Patel","dueOn":"2026-06-01","reviewOn":"2026-06-15"}' > /dev/null
post "$base/risk-plan/actions" '{"action":"Weekly supervision appointments; check compliance with the order at each","agency":"probation",
  "owner":"PO J. Whitfield","dueOn":"2027-01-15","reviewOn":"2027-01-31"}' > /dev/null
post "$base/risk-plan/actions" '{"action":"Safety planning with the victim","agency":"advocacy","owner":"IDVA R. Shah",
  "dueOn":"2026-03-20","reviewOn":"2026-04-03"}' > /dev/null
post "$base/incidents" '{"kind":"breach_of_order","occurredOn":"2026-05-14","source":"police",
  "details":"Sent three messages to the victim via a new social media account"}' > /dev/null
post "$base/incidents" '{"kind":"arrest","occurredOn":"2026-05-15","source":"police","details":"Arrested for breach of the order"}' > /dev/null
post "$base/desistance-reviews" '{"reviewedOn":"2026-10-01","riskRatings":{"violence":"low","persistence":"moderate",
  "recurrence":"moderate","psychosocial_damage":"low"},"fixation":4,"victimContactSinceLastReview":false,"engagement":4,
  "narrative":"Clinical narrative: not for the summaries."}' > /dev/null

# 300 sessions, two a day from 2 February: mostly attended, some late, missed or cancelled; every
# tenth has a note the clinician marked shareable, every seventh a note for clinicians only.
note='Discussed the conditions of the order and how he manages the urge to check on the victim. He reports no contact and has kept to the agreed routine; he described the triggers he has noticed and the steps he now takes when they arise, including calling his support worker. Plan for the next session agreed.'
outcomes=(attended attended attended late attended did_not_attend attended cancelled_by_service attended cancelled_by_participant)
for i in $(seq 0 299); do
  day=$(date -u -d "2026-02-02 + $((i / 2)) days" +%F)
  hour=$([ $((i % 2)) -eq 0 ] && echo 09 || echo 14)
  session=$(post "$base/sessions" "{\"kind\":\"individual_therapy\",\"scheduledAt\":\"${day}T${hour}:00:00Z\",\"durationMinutes\":50,\"facilitator\":\"Dr A. Okafor\"}" | id_of)
  outcome=${outcomes[$((i % 10))]}
  body="{\"outcome\":\"$outcome\""
  if [ "$outcome" = attended ] || [ "$outcome" = late ]; then
    body="$body,\"engagement\":$((3 + i % 3))"
    if [ $((i % 10)) -eq 0 ]; then body="$body,\"notes\":\"Session $((i + 1)). $note\",\"shareable\":true"
    elif [ $((i % 7)) -eq 0 ]; then body="$body,\"notes\":\"Clinical note for clinicians only.\""; fi
  fi
  post "$base/sessions/$session/outcome" "$body}" > /dev/null
done
echo "case $case_ref: 300 sessions and the rest of the record made"
