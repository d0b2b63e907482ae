package org.desist.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the pieces of a case through the API, asserting each step worked. */
public final class Cases {
    private static final java.util.concurrent.atomic.AtomicInteger NHS_SERIAL =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Api api;

    public Cases(Api api) {
        this.api = api;
    }

    public JsonNode site(String code) {
        return created(
                api.post("/sites", Map.of("code", code, "name", code + " site", "model", "threat_assessment_centre")));
    }

    public JsonNode cohort(String siteCode) {
        return created(api.post(
                "/cohorts",
                Map.of(
                        "siteCode",
                        siteCode,
                        "name",
                        siteCode + " pilot",
                        "startsOn",
                        "2026-01-05",
                        "endsOn",
                        "2027-12-31",
                        "target",
                        20)));
    }

    public static Map<String, Object> referral(
            String siteCode, String receivedOn, String givenName, String familyName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("siteCode", siteCode);
        body.put("receivedOn", receivedOn);
        body.put("source", "police");
        body.put("referrer", "DC 4521 Patel");
        body.put("behaviour", "Repeated unwanted messages and following the victim to work");
        body.put("victimRef", "VA-2026-0147");
        body.put("legalStatus", "Released under investigation");
        body.put(
                "participant",
                Map.of(
                        "givenName",
                        givenName,
                        "familyName",
                        familyName,
                        "dateOfBirth",
                        "1987-03-14",
                        "nhsNumber",
                        nextNhsNumber()));
        // tests refer "Daniel Hale, born 1987-03-14" again and again, each time a new person with an NHS number
        // of their own: the confirmation is what a referrer sends after checking the possible match
        body.put("confirmedNewPerson", true);
        body.put("confirmedNewPersonReason", "A different person: a test case of its own");
        return body;
    }

    /** The same referral for a participant already known: {@code participantId} instead of a new person. */
    public static Map<String, Object> referralOf(String siteCode, String receivedOn, String participantId) {
        Map<String, Object> body = referral(siteCode, receivedOn, "x", "y");
        body.remove("participant");
        body.remove("confirmedNewPerson");
        body.remove("confirmedNewPersonReason");
        body.put("participantId", participantId);
        return body;
    }

    /** A valid NHS number (modulus 11) no other test referral of this JVM has used, written with spaces. */
    public static String nextNhsNumber() {
        while (true) {
            String base = String.format("%09d", 600_000_000 + NHS_SERIAL.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (base.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                String digits = base + check;
                return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
            }
        }
    }

    public JsonNode referral(String siteCode, String receivedOn) {
        return created(api.post("/referrals", referral(siteCode, receivedOn, "Daniel", "Hale")));
    }

    public JsonNode review(String referralId, String priority, String decision) {
        return ok(api.post(
                "/referrals/" + referralId + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        priority,
                        "decision",
                        decision,
                        "reason",
                        "Daily review")));
    }

    /** A participant referred, reviewed and accepted, then enrolled (state 'referred') in the cohort. */
    public JsonNode enrolment(String siteCode, String cohortId) {
        JsonNode referral = referral(siteCode, "2026-02-01");
        review(referral.get("id").asText(), "high", "accept_for_intervention");
        return created(api.post(
                "/enrolments",
                Map.of(
                        "participantId",
                        referral.get("participantId").asText(),
                        "cohortId",
                        cohortId,
                        "on",
                        "2026-02-03")));
    }

    /** A participant of the site, referred on 2026-02-01: the owner of the case records a test writes. */
    public String participant(String siteCode) {
        return referral(siteCode, "2026-02-01").get("participantId").asText();
    }

    public JsonNode move(String enrolmentId, String to, String on) {
        return ok(api.post(
                "/enrolments/" + enrolmentId + "/transitions", Map.of("to", to, "on", on, "reason", "Moved on")));
    }

    public static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Location")).isNotBlank();
        return reply.json();
    }

    public static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
