package org.desist.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.support.Api;
import org.desist.support.Cases;

/**
 * One case walked through the whole programme over HTTP, with text markers for what each summary must
 * and must not show: referral and S-DASH review, enrolment, an assessment with a formulation and
 * diagnoses, sessions with a shareable and a private note, an onward referral, plan actions (one
 * overdue), legal measures, incidents, a desistance review with a narrative, and records entered in
 * error that must count nowhere.
 */
public final class WholeCase {
    static final String SHAREABLE_NOTE =
            "He now recognises that the messages frightened her and has deleted her number.";
    static final String PRIVATE_NOTE =
            "Disclosed recurrent intrusive images of the victim; discuss a medication review.";
    static final String FORMULATION = "Rejected ex-partner whose fixation is sustained by rumination and shame.";
    static final String NARRATIVE = "Rumination reduced; has stopped checking the victim's social media accounts.";
    static final String DIAGNOSIS_CODE = "F60.3";
    static final String DIAGNOSIS_LABEL = "Emotionally unstable personality disorder";
    static final String SUBSTANCE = "cannabis";
    static final String ERRONEOUS_INCIDENT = "Recorded against the wrong participant by mistake.";
    static final String ONWARD_PROVIDER = "Northside Community Alcohol Team";
    static final List<String> OWNERS = List.of("DC 4521 Patel", "PO J. Whitfield", "IDVA R. Shah");

    public final String participantId;
    public final String caseRef;
    private final Api api;
    private final String base;

    private WholeCase(Api api, String participantId, String caseRef) {
        this.api = api;
        this.participantId = participantId;
        this.caseRef = caseRef;
        this.base = "/participants/" + participantId;
    }

    public static WholeCase build(Api api, String site) {
        Cases cases = new Cases(api);
        String cohort = cases.cohort(site).get("id").asText();
        JsonNode referral = Cases.created(api.post("/referrals", Cases.referral(site, "2026-02-01", "Daniel", "Hale")));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int q = 1; q <= 11; q++) {
            answers.put("q" + q, q <= 7);
        }
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
                        "Escalating fixation",
                        "screening",
                        Map.of("instrument", "S-DASH", "answers", answers))));
        String participantId = referral.get("participantId").asText();
        WholeCase c = new WholeCase(api, participantId, referral.get("caseRef").asText());

        String enrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", participantId, "cohortId", cohort, "on", "2026-02-03")))
                .get("id")
                .asText();
        cases.move(enrolment, "assessing", "2026-02-04");
        cases.move(enrolment, "enrolled", "2026-02-10");

        c.add(
                "/assessments",
                body(
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
                        "diagnoses",
                        List.of(Map.of("system", "ICD-10", "code", DIAGNOSIS_CODE, "label", DIAGNOSIS_LABEL)),
                        "substanceMisuse",
                        List.of("alcohol", SUBSTANCE),
                        "formulation",
                        FORMULATION));
        c.session(
                "2026-03-02T10:00:00Z",
                Map.of("outcome", "attended", "engagement", 4, "notes", SHAREABLE_NOTE, "shareable", true));
        c.session("2026-03-09T10:00:00Z", Map.of("outcome", "late", "engagement", 3, "notes", PRIVATE_NOTE));
        c.session("2026-03-16T10:00:00Z", Map.of("outcome", "did_not_attend"));
        c.session("2026-03-23T10:00:00Z", Map.of("outcome", "cancelled_by_service"));
        c.session("2026-04-06T10:00:00Z", Map.of("outcome", "cancelled_by_participant"));
        String wrong = c.session("2026-04-13T10:00:00Z", Map.of("outcome", "attended"));
        c.enteredInError("/sessions/" + wrong, "\"2\"");
        c.add(
                "/sessions",
                Map.of(
                        "kind",
                        "group_therapy",
                        "scheduledAt",
                        "2030-01-10T10:00:00Z",
                        "durationMinutes",
                        90,
                        "facilitator",
                        "Dr A. Okafor"));

        String onward = c.add(
                "/service-referrals",
                Map.of(
                        "service",
                        "substance_misuse",
                        "kind",
                        "alcohol",
                        "provider",
                        ONWARD_PROVIDER,
                        "madeOn",
                        "2026-03-02",
                        "reason",
                        "Drinks before contacting the victim"));
        Cases.ok(api.post(
                c.base + "/service-referrals/" + onward + "/transitions",
                Map.of("to", "accepted", "on", "2026-03-09", "reason", "Assessment booked")));

        c.add(
                "/risk-plan/actions",
                action("Serve the stalking protection order", "police", OWNERS.get(0), "2026-06-01", "2026-06-15"));
        c.add(
                "/risk-plan/actions",
                action("Weekly supervision appointments", "probation", OWNERS.get(1), "2030-01-15", "2030-01-31"));
        String done = c.add(
                "/risk-plan/actions",
                action("Safety planning with the victim", "advocacy", OWNERS.get(2), "2026-03-20", "2026-04-03"));
        Cases.ok(api.post(
                c.base + "/risk-plan/actions/" + done + "/transitions",
                Map.of("to", "done", "on", "2026-03-18", "reason", "Plan agreed with the victim")));

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
                "/incidents",
                Map.of(
                        "kind",
                        "breach_of_order",
                        "occurredOn",
                        "2026-05-14",
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
                        "2026-05-15",
                        "source",
                        "probation",
                        "details",
                        "Arrested for breach of the order"));
        String erroneous = c.add(
                "/incidents",
                Map.of(
                        "kind",
                        "contact_with_victim",
                        "occurredOn",
                        "2026-04-01",
                        "source",
                        "health",
                        "details",
                        ERRONEOUS_INCIDENT));
        c.enteredInError("/incidents/" + erroneous, "\"1\"");

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
                        NARRATIVE));
        return c;
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> action(String action, String agency, String owner, String due, String review) {
        return Map.of("action", action, "agency", agency, "owner", owner, "dueOn", due, "reviewOn", review);
    }

    private String add(String collection, Map<String, Object> body) {
        return Cases.created(api.post(base + collection, body)).get("id").asText();
    }

    private String session(String at, Map<String, Object> outcome) {
        String id = add(
                "/sessions",
                Map.of(
                        "kind",
                        "individual_therapy",
                        "scheduledAt",
                        at,
                        "durationMinutes",
                        50,
                        "facilitator",
                        "Dr A. Okafor"));
        Cases.ok(api.post(base + "/sessions/" + id + "/outcome", outcome));
        return id;
    }

    private void enteredInError(String record, String ifMatch) {
        Cases.ok(api.send(
                "POST",
                base + record + "/entered-in-error",
                Map.of("reason", "Entered in error"),
                Map.of("If-Match", ifMatch)));
    }
}
