package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;

/**
 * A small cohort built through the API, whose figures were counted by hand (see the comments: each
 * figure's expected value is worked out next to the records that make it). Site FIGS (clinic-led
 * treatment), cohort 2023-01-01 to 2027-12-31, target 12; ten referrals, eight enrolments, six exits.
 * Two exits are dated relative to today so that the follow-up windows stay as counted whenever the
 * test runs: P6 left 13 months ago (followed up 6 and 12 months, not 24), P7 30 days ago (none).
 */
public final class HandCountedCohort {
    static final String SITE = "FIGS";
    static final String OTHER_SITE = "FIGO";
    static final LocalDate TODAY = LocalDate.now(org.desist.time.ProgrammeClock.ZONE);
    static final LocalDate P6_EXIT = TODAY.minusMonths(13);
    static final LocalDate P7_EXIT = TODAY.minusDays(30);

    final Api api;
    public String cohortId;
    String otherCohortId;
    final Map<String, String> participants = new LinkedHashMap<>();

    public HandCountedCohort(Api api) {
        this.api = api;
    }

    public HandCountedCohort build() {
        Cases.created(api.post("/sites", Map.of("code", SITE, "name", "Figures clinic", "model", "clinic_treatment")));
        Cases.created(
                api.post("/sites", Map.of("code", OTHER_SITE, "name", "Other panel", "model", "multi_agency_panel")));
        cohortId = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                SITE,
                                "name",
                                "FIGS pilot 2023",
                                "startsOn",
                                "2023-01-01",
                                "endsOn",
                                "2027-12-31",
                                "target",
                                12)))
                .get("id")
                .asText();
        otherCohortId = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                OTHER_SITE,
                                "name",
                                "Other pilot",
                                "startsOn",
                                "2023-01-01",
                                "endsOn",
                                "2027-12-31",
                                "target",
                                5)))
                .get("id")
                .asText();

        // Referrals: received 10 (police 5, probation 2, mental_health_team 1, advocacy_service 1, other 1);
        // reviewed 9 (high 4, medium 3, standard 2); days to review 1,2,3,4,5,1,2,7,1: median 2.
        referral("P1", "2023-01-10", "police", "2023-01-11", "high", "accept_for_intervention");
        referral("P2", "2023-01-12", "police", "2023-01-14", "high", "accept_for_intervention");
        referral("P3", "2023-02-01", "police", "2023-02-04", "medium", "accept_for_intervention");
        referral("P4", "2023-02-10", "police", "2023-02-14", "medium", "accept_for_intervention");
        referral("P5", "2023-03-01", "probation", "2023-03-06", "standard", "accept_for_intervention");
        referral("P6", "2023-03-15", "probation", "2023-03-16", "high", "accept_for_intervention");
        referral("P7", "2023-04-01", "mental_health_team", "2023-04-03", "high", "accept_for_intervention");
        referral("P8", "2023-04-20", "advocacy_service", "2023-04-27", "medium", "accept_for_intervention");
        referral("P9", "2023-05-01", "police", "2023-05-02", "standard", "no_further_action");
        referral("P10", "2023-06-01", "other", null, null, null);
        // another site's referral and one before the cohort opened: neither is this cohort's intake
        participants.put(
                "X1",
                Cases.created(api.post("/referrals", Cases.referral(OTHER_SITE, "2023-02-01", "Xavier", "Elsewhere")))
                        .get("participantId")
                        .asText());
        referral("P0", "2022-12-20", "police", "2022-12-21", "high", "no_further_action");

        // Enrolments. Now: completed 4, disengaged 1, not_suitable 1, breached 1, enrolled 1 (8 in all).
        // Enrolled to date: Feb 2023 2, Mar 4, Apr 5, May 6, Jun 7 and on. Exits 6: completed 4 (P1, P2,
        // P4, P6), disengaged 1 (P3), breached 1 (P7): completion 4/6.
        enrol("P1", "2023-01-20", "2023-01-25", "2023-02-01", "completed", "2024-01-15");
        enrol("P2", "2023-01-20", "2023-01-25", "2023-02-10", "completed", "2024-03-01");
        enrol("P3", "2023-02-10", "2023-02-15", "2023-03-01", "disengaged", "2024-02-01");
        enrol("P4", "2023-02-20", "2023-02-25", "2023-03-10", "completed", "2024-04-01");
        enrol("P5", "2023-03-10", "2023-03-15", null, "not_suitable", "2023-04-01");
        enrol("P6", "2023-03-20", "2023-03-25", "2023-04-05", "completed", P6_EXIT.toString());
        enrol("P7", "2023-04-05", "2023-04-10", "2023-05-01", "breached", P7_EXIT.toString());
        enrol("P8", "2023-05-01", "2023-05-05", "2023-06-01", null, null);

        // Sessions. March 2023: attended or late 5, did not attend 1, cancelled by participant 1, by the
        // service 1; engagement 4, 5, 3, 2 (four ratings: mean withheld). April 2023: attended 5, did not
        // attend 1; engagement 5, 4, 4, 3, 5 (mean 4.2). One entered in error and one without an outcome
        // do not count. Period: offered 13, attended 10: rate 10/13; engagement 35/9.
        session("P1", "2023-03-02T10:00:00Z", "attended", 4);
        session("P1", "2023-03-09T10:00:00Z", "attended", 5);
        session("P1", "2023-03-16T10:00:00Z", "late", 3);
        session("P1", "2023-03-23T10:00:00Z", "did_not_attend", null);
        session("P1", "2023-03-30T10:00:00Z", "cancelled_by_service", null);
        session("P2", "2023-03-03T10:00:00Z", "attended", 2);
        session("P2", "2023-03-10T10:00:00Z", "cancelled_by_participant", null);
        session("P2", "2023-03-17T10:00:00Z", "attended", null);
        for (int engagement : new int[] {5, 4, 4, 3, 5}) {
            session("P3", "2023-04-0" + engagement + "T10:00:00Z", "attended", engagement);
        }
        session("P3", "2023-04-20T10:00:00Z", "did_not_attend", null);
        enteredInError("/participants/" + id("P3") + "/sessions", session("P3", "2023-04-21T10:00:00Z", "attended", 5));
        created(
                "/participants/" + id("P3") + "/sessions",
                Map.of(
                        "kind",
                        "group_therapy",
                        "scheduledAt",
                        "2023-04-22T10:00:00Z",
                        "durationMinutes",
                        60,
                        "facilitator",
                        "Nurse B"));

        // Onward referrals. Made 5: mental health 3 (P1, P3, P4), substance misuse 1 (P2), other 1 (P8);
        // accepted 3 (one each); engaged 2 (P1 mental health, P8 other); completed 1 (P1). P6's is in error.
        onward(
                "P1",
                "mental_health",
                "talking_therapies",
                "2023-03-01",
                "accepted",
                "2023-03-10",
                "engaged",
                "2023-04-01",
                "completed",
                "2023-09-01");
        onward("P2", "substance_misuse", "alcohol", "2023-03-05", "accepted", "2023-03-20", "disengaged", "2023-05-01");
        onward("P3", "mental_health", "community_mental_health_team", "2023-04-01", "declined", "2023-04-10");
        onward("P8", "other", "housing", "2023-07-01", "accepted", "2023-07-10", "engaged", "2023-08-01");
        onward("P4", "mental_health", "inpatient", "2023-05-01");
        enteredInError(
                "/participants/" + id("P6") + "/service-referrals", onward("P6", "other", "employment", "2023-06-01"));

        // Risk: first assessment against latest desistance review, for the 5 with both (P8 has no review).
        // violence: down 2 (P1, P6), same 2 (P2, P3), up 1 (P4); persistence: down 3 (P1, P2, P6), same 2;
        // recurrence: down 2 (P2, P6), same 3; psychosocial damage: down 1 (P6), same 3, up 1 (P1).
        assessment("P1", "2023-01-28", "high", "high", "moderate", "moderate");
        assessment("P1", "2023-03-01", "low", "low", "low", "low");
        review("P1", "2023-06-01", "moderate", "moderate", "moderate", "moderate");
        review("P1", "2023-12-01", "low", "moderate", "moderate", "high");
        assessment("P2", "2023-01-28", "moderate", "moderate", "moderate", "moderate");
        review("P2", "2024-02-01", "moderate", "low", "low", "moderate");
        assessment("P3", "2023-02-20", "high", "high", "high", "high");
        review("P3", "2024-01-01", "high", "high", "high", "high");
        enteredInError(
                "/participants/" + id("P3") + "/desistance-reviews",
                review("P3", "2024-01-15", "low", "low", "low", "low"));
        assessment("P4", "2023-03-05", "low", "low", "low", "low");
        review("P4", "2023-09-01", "moderate", "low", "low", "low");
        assessment("P6", "2023-03-28", "moderate", "moderate", "moderate", "moderate");
        review("P6", "2024-01-01", "low", "low", "low", "low");
        assessment("P8", "2023-06-05", "high", "high", "high", "high");

        // Incidents during the programme (enrolment to exit): breach_of_order 2 (P1, P8),
        // contact_with_victim 3 (P3, P4, P8); 5 in all. Reoffending after exit: within 6 months P1 and P6
        // of 5 followed up; within 12 months P1, P2 and P6 of 5; within 24 months P1, P2 and P3 of 4.
        incident("P1", "breach_of_order", "2023-06-01");
        incident("P1", "new_allegation", "2024-05-01");
        incident("P2", "charge", "2025-01-10");
        incident("P3", "contact_with_victim", "2023-09-01");
        incident("P3", "arrest", "2024-03-01");
        incident("P3", "conviction", "2026-01-15");
        incident("P4", "contact_with_victim", "2024-03-15");
        enteredInError("/participants/" + id("P4") + "/incidents", incident("P4", "new_allegation", "2024-06-01"));
        incident("P5", "breach_of_order", "2023-03-20");
        incident("P6", "new_allegation", P6_EXIT.plusMonths(2).toString());
        incident("P7", "new_allegation", P7_EXIT.plusDays(20).toString());
        incident("P8", "breach_of_order", "2024-01-10");
        incident("P8", "contact_with_victim", "2024-02-10");
        return this;
    }

    String id(String participant) {
        return participants.get(participant);
    }

    private void referral(
            String name, String receivedOn, String source, String reviewedOn, String priority, String decision) {
        Map<String, Object> body = Cases.referral(SITE, receivedOn, "Person", name);
        body.put("source", source);
        JsonNode referral = Cases.created(api.post("/referrals", body));
        participants.put(name, referral.get("participantId").asText());
        if (reviewedOn != null) {
            Cases.ok(api.post(
                    "/referrals/" + referral.get("id").asText() + "/review",
                    Map.of(
                            "reviewedOn",
                            reviewedOn,
                            "priority",
                            priority,
                            "decision",
                            decision,
                            "reason",
                            "Daily review")));
        }
    }

    private void enrol(
            String name, String openedOn, String assessingOn, String enrolledOn, String exit, String exitOn) {
        String enrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", id(name), "cohortId", cohortId, "on", openedOn)))
                .get("id")
                .asText();
        move(enrolment, "assessing", assessingOn);
        if (enrolledOn != null) {
            move(enrolment, "enrolled", enrolledOn);
        }
        if (exit != null) {
            move(enrolment, exit, exitOn);
        }
    }

    private void move(String enrolment, String to, String on) {
        Cases.ok(api.post("/enrolments/" + enrolment + "/transitions", Map.of("to", to, "on", on, "reason", "Moved")));
    }

    private JsonNode session(String name, String at, String outcome, Integer engagement) {
        String base = "/participants/" + id(name) + "/sessions";
        JsonNode session = created(
                base,
                Map.of(
                        "kind",
                        "individual_therapy",
                        "scheduledAt",
                        at,
                        "durationMinutes",
                        50,
                        "facilitator",
                        "Dr A. Okafor"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if (engagement != null) {
            body.put("engagement", engagement);
        }
        return Cases.ok(api.post(base + "/" + session.get("id").asText() + "/outcome", body));
    }

    private JsonNode onward(String name, String service, String kind, String madeOn, String... moves) {
        String base = "/participants/" + id(name) + "/service-referrals";
        JsonNode referral = created(
                base,
                Map.of(
                        "service",
                        service,
                        "kind",
                        kind,
                        "provider",
                        "Provider",
                        "madeOn",
                        madeOn,
                        "reason",
                        "Needs support"));
        for (int i = 0; i < moves.length; i += 2) {
            referral = Cases.ok(api.post(
                    base + "/" + referral.get("id").asText() + "/transitions",
                    Map.of("to", moves[i], "on", moves[i + 1], "reason", "Moved")));
        }
        return referral;
    }

    private void assessment(
            String name, String on, String violence, String persistence, String recurrence, String damage) {
        created(
                "/participants/" + id(name) + "/assessments",
                Map.of(
                        "kind",
                        "risk",
                        "assessedOn",
                        on,
                        "assessor",
                        "Dr C. Mensah",
                        "instrument",
                        "SRP",
                        "riskRatings",
                        ratings(violence, persistence, recurrence, damage),
                        "overallRisk",
                        violence));
    }

    private JsonNode review(
            String name, String on, String violence, String persistence, String recurrence, String damage) {
        return created(
                "/participants/" + id(name) + "/desistance-reviews",
                Map.of(
                        "reviewedOn",
                        on,
                        "riskRatings",
                        ratings(violence, persistence, recurrence, damage),
                        "fixation",
                        5,
                        "victimContactSinceLastReview",
                        false,
                        "engagement",
                        3));
    }

    private JsonNode incident(String name, String kind, String on) {
        return created(
                "/participants/" + id(name) + "/incidents",
                Map.of("kind", kind, "occurredOn", on, "source", "police", "details", "Reported"));
    }

    private void enteredInError(String base, JsonNode record) {
        Reply reply = api.send(
                "POST",
                base + "/" + record.get("id").asText() + "/entered-in-error",
                Map.of("reason", "Wrong participant"),
                Map.of("If-Match", "\"" + record.get("version").asInt() + "\""));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private JsonNode created(String path, Map<String, Object> body) {
        return Cases.created(api.post(path, body));
    }

    private static Map<String, Object> ratings(String violence, String persistence, String recurrence, String damage) {
        return Map.of(
                "violence",
                violence,
                "persistence",
                persistence,
                "recurrence",
                recurrence,
                "psychosocial_damage",
                damage);
    }

    static List<String> sites() {
        return List.of(SITE, OTHER_SITE);
    }
}
