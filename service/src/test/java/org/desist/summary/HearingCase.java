package org.desist.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.support.Api;
import org.desist.support.Cases;

/**
 * A case as a probation officer meets it before a breach hearing: assessed, reviewed on 1 Jun 2026, then a
 * breach of the order and an arrest in September, a concern flagged on a session and one raised by the
 * advocate, an overdue police action, a session whose time has passed with no outcome yet and one still to
 * come. Besides them, {@code sessions} ordinary past sessions (every tenth with a shareable note, every
 * seventh with a private one) make the document as long as a real case of that size.
 */
final class HearingCase {
    static final String SESSION_CONCERN = "Said he drove past the victim's workplace twice last week.";
    static final String PRIVATE_NOTE = "Private clinical note: intrusive images; medication review to discuss.";
    static final String VICTIM_CONCERN = "Victim saw his car parked outside her workplace on Monday.";
    static final String VICTIM_ACTION = "Safety plan reviewed with the victim; police told via the panel.";
    static final String EARLY_VICTIM_CONCERN = "Victim received flowers with no card at her home address.";
    static final String OVERDUE_POLICE_ACTION = "Serve the stalking protection order on the participant";
    static final String SHAREABLE_NOTE = "Discussed the conditions of the order and how he manages the urge to"
            + " check on the victim; he described the triggers he has noticed and the steps he now takes.";
    static final String SITE_NAME = "Hampshire Recolo";
    static final String NEXT_SESSION = "2030-06-03T09:00:00Z";
    /** By the number of ordinary sessions: each case is a different person. */
    static final Map<Integer, String> BORN =
            Map.of(1, "1984-09-21", 5, "1987-03-14", 20, "1979-11-02", 300, "1990-06-30");

    static final Map<Integer, String> NHS_NUMBERS =
            Map.of(1, "401 023 4563", 5, "943 476 5919", 20, "401 023 4571", 300, "401 023 4598");

    final String participantId;
    final String caseRef;
    private final Api api;
    private final String base;

    private HearingCase(Api api, String participantId, String caseRef) {
        this.api = api;
        this.participantId = participantId;
        this.caseRef = caseRef;
        this.base = "/participants/" + participantId;
    }

    /** The site, named {@link #SITE_NAME}, with its cohort; once per site code. */
    static String site(Api api, String code) {
        Cases.created(api.post("/sites", Map.of("code", code, "name", SITE_NAME, "model", "clinic_treatment")));
        return new Cases(api).cohort(code).get("id").asText();
    }

    /** {@code api} records the clinical record, the plan and incidents; {@code advocate} the victim's concerns. */
    static HearingCase build(Api api, Api advocate, String site, String cohort, int sessions) {
        // one person per case: a name, date of birth and NHS number of its own
        Map<String, Object> asReferred = new LinkedHashMap<>(Cases.referral(site, "2026-02-01", "Marcus", "Webb"));
        asReferred.put(
                "participant",
                Map.of(
                        "givenName",
                        "Marcus",
                        "familyName",
                        "Webb",
                        "dateOfBirth",
                        BORN.get(sessions),
                        "nhsNumber",
                        NHS_NUMBERS.get(sessions)));
        JsonNode referral = Cases.created(api.post("/referrals", asReferred));
        Cases.ok(api.post(
                "/referrals/" + referral.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Escalating fixation")));
        HearingCase c = new HearingCase(
                api,
                referral.get("participantId").asText(),
                referral.get("caseRef").asText());
        String enrolment = Cases.created(api.post(
                        "/enrolments",
                        Map.of("participantId", c.participantId, "cohortId", cohort, "on", "2026-02-03")))
                .get("id")
                .asText();
        Cases.ok(api.post(
                "/enrolments/" + enrolment + "/transitions",
                Map.of("to", "assessing", "on", "2026-02-04", "reason", "Consented to assessment")));
        Cases.ok(api.post(
                "/enrolments/" + enrolment + "/transitions",
                Map.of("to", "enrolled", "on", "2026-02-10", "reason", "Suitable; starts treatment")));

        c.add(
                "/assessments",
                Map.of(
                        "kind",
                        "psychiatric",
                        "assessedOn",
                        "2026-02-20",
                        "assessor",
                        "Dr A. Mensah",
                        "instrument",
                        "SRP",
                        "riskRatings",
                        Map.of(
                                "violence",
                                "moderate",
                                "persistence",
                                "high",
                                "recurrence",
                                "high",
                                "psychosocial_damage",
                                "moderate"),
                        "overallRisk",
                        "high",
                        "stalkerType",
                        "rejected",
                        "relationship",
                        "ex_intimate",
                        "formulation",
                        "Not for the summaries."));
        c.add(
                "/desistance-reviews",
                Map.of(
                        "reviewedOn",
                        "2026-06-01",
                        "riskRatings",
                        Map.of(
                                "violence",
                                "low",
                                "persistence",
                                "moderate",
                                "recurrence",
                                "high",
                                "psychosocial_damage",
                                "low"),
                        "fixation",
                        4,
                        "victimContactSinceLastReview",
                        false,
                        "engagement",
                        4,
                        "narrative",
                        "Not for them."));

        c.add(
                "/legal-measures",
                Map.of(
                        "kind",
                        "stalking_protection_order",
                        "from",
                        "2026-01-15",
                        "until",
                        "2028-01-14",
                        "conditions",
                        "Not to contact the victim directly or indirectly; not to enter Church Street"));
        c.add("/legal-measures", Map.of("kind", "restraining_order", "from", "2025-01-01", "until", "2025-12-31"));
        c.add(
                "/risk-plan/actions",
                Map.of(
                        "action",
                        OVERDUE_POLICE_ACTION,
                        "agency",
                        "police",
                        "owner",
                        "DC 4521 Patel",
                        "dueOn",
                        "2026-06-01",
                        "reviewOn",
                        "2026-06-15"));
        c.add(
                "/risk-plan/actions",
                Map.of(
                        "action",
                        "Weekly supervision appointments",
                        "agency",
                        "probation",
                        "owner",
                        "PO J. Whitfield",
                        "dueOn",
                        "2030-01-15",
                        "reviewOn",
                        "2030-01-31"));

        c.add(
                "/incidents",
                Map.of(
                        "kind",
                        "contact_with_victim",
                        "occurredOn",
                        "2026-04-01",
                        "source",
                        "advocacy_service",
                        "details",
                        "Waited outside the victim's home"));
        c.add(
                "/incidents",
                Map.of(
                        "kind",
                        "breach_of_order",
                        "occurredOn",
                        "2026-09-14",
                        "source",
                        "police",
                        "details",
                        "Sent three messages via a new account"));
        c.add(
                "/incidents",
                Map.of(
                        "kind",
                        "arrest",
                        "occurredOn",
                        "2026-09-15",
                        "source",
                        "police",
                        "details",
                        "Arrested for breach of the order"));
        Cases.created(advocate.post(
                c.base + "/victim-safety", Map.of("raisedOn", "2026-03-10", "concern", EARLY_VICTIM_CONCERN)));
        Cases.created(advocate.post(
                c.base + "/victim-safety",
                Map.of("raisedOn", "2026-09-16", "concern", VICTIM_CONCERN, "actionTaken", VICTIM_ACTION)));

        c.session(
                "2026-09-10T09:00:00Z",
                Map.of("outcome", "attended", "engagement", 3, "notes", PRIVATE_NOTE, "concern", SESSION_CONCERN));
        c.add("/sessions", session("2026-10-05T09:00:00Z"));
        c.add(
                "/sessions",
                Map.of(
                        "kind",
                        "group_therapy",
                        "scheduledAt",
                        NEXT_SESSION,
                        "durationMinutes",
                        90,
                        "facilitator",
                        "Dr A. Okafor"));

        String[] outcomes = {
            "attended",
            "attended",
            "attended",
            "late",
            "attended",
            "did_not_attend",
            "attended",
            "cancelled_by_service",
            "attended",
            "cancelled_by_participant"
        };
        for (int i = 0; i < sessions; i++) {
            Instant at = LocalDate.of(2026, 2, 2)
                    .plusDays(i / 2)
                    .atTime(i % 2 == 0 ? 9 : 14, 0)
                    .toInstant(java.time.ZoneOffset.UTC);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("outcome", outcomes[i % 10]);
            if (outcomes[i % 10].equals("attended") || outcomes[i % 10].equals("late")) {
                outcome.put("engagement", 3 + i % 3);
                if (i % 10 == 0) {
                    outcome.put("notes", "Session " + (i + 1) + ". " + SHAREABLE_NOTE);
                    outcome.put("shareable", true);
                } else if (i % 7 == 0) {
                    outcome.put("notes", PRIVATE_NOTE);
                }
            }
            c.session(at.toString(), outcome);
        }
        return c;
    }

    private static Map<String, Object> session(String at) {
        return Map.of(
                "kind", "individual_therapy", "scheduledAt", at, "durationMinutes", 50, "facilitator", "Dr A. Okafor");
    }

    private String add(String collection, Map<String, Object> body) {
        return Cases.created(api.post(base + collection, body)).get("id").asText();
    }

    private void session(String at, Map<String, Object> outcome) {
        String id = add("/sessions", session(at));
        Cases.ok(api.post(base + "/sessions/" + id + "/outcome", outcome));
    }

    static List<String> decisiveFacts() {
        return List.of("14 Sep 2026 Breach of order Police", "15 Sep 2026 Arrest Police", OVERDUE_POLICE_ACTION);
    }
}
