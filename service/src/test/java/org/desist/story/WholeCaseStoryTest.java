package org.desist.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One whole case through HTTP, as the issue tells it: referral, daily review with an S-DASH screening,
 * enrolment, a risk assessment, twelve weekly sessions with mixed outcomes, an onward referral to an
 * alcohol service through to 'engaged', plan actions, two desistance reviews and an incident. Then the
 * timeline's order and the progress figures are checked against values worked out by hand below.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class WholeCaseStoryTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "WCS";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    // free text that must never reach a timeline summary
    static final String FORMULATION = "FORMULATION-TEXT rejected ex-partner, rumination fuelled by alcohol";
    static final String NOTES = "SESSION-NOTE-TEXT talked about the break-up";
    static final String NARRATIVE = "NARRATIVE-TEXT fewer urges to check her profile";
    static final String DETAILS = "INCIDENT-DETAILS-TEXT message sent from a new account";

    /**
     * The twelve sessions, weekly on Mondays at 09:00Z from 2026-03-02 (10:00 in London after the clocks
     * change on 29 March; every London date stays the same as the UTC one). Outcome, engagement, concern.
     */
    static final Object[][] SESSIONS = {
        {"2026-03-02T09:00:00Z", "attended", 2, null},
        {"2026-03-09T09:00:00Z", "attended", 3, null},
        {"2026-03-16T09:00:00Z", "did_not_attend", null, null},
        {"2026-03-23T09:00:00Z", "late", 3, "Asked where the victim lives now"},
        {"2026-03-30T09:00:00Z", "attended", 3, null},
        {"2026-04-06T09:00:00Z", "cancelled_by_service", null, null},
        {"2026-04-13T09:00:00Z", "attended", 4, null},
        {"2026-04-20T09:00:00Z", "cancelled_by_participant", null, null},
        {"2026-04-27T09:00:00Z", "late", 4, "Said he drove past her workplace"},
        {"2026-05-04T09:00:00Z", "did_not_attend", null, null},
        {"2026-05-11T09:00:00Z", "attended", 4, null},
        {"2026-05-18T09:00:00Z", "attended", 5, null},
    };

    static Api api;
    static String participant;
    static String records;
    static String referralId;
    static final List<String> sessionIds = new ArrayList<>();
    static String alcoholReferral;
    static String talkingReferral;
    static String overdueAction;
    static String doneAction;
    static String aheadAction;

    @BeforeAll
    static void theCase() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site(SITE);
        String cohortId = cases.cohort(SITE).get("id").asText();

        // 1. referral, received 2026-02-01
        JsonNode referral = Cases.created(api.post("/referrals", Cases.referral(SITE, "2026-02-01", "Daniel", "Hale")));
        referralId = referral.get("id").asText();
        participant = referral.get("participantId").asText();
        records = "/participants/" + participant + "/";

        // 2. daily review on 2026-02-02 with an S-DASH screening: yes to q1, q2, q5, q6, q10 -> 5 yes
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int q = 1; q <= 11; q++) {
            answers.put("q" + q, List.of(1, 2, 5, 6, 10).contains(q));
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("reviewedOn", "2026-02-02");
        review.put("priority", "high");
        review.put("decision", "accept_for_intervention");
        review.put("reason", "Escalating fixation");
        review.put("screening", Map.of("instrument", "S-DASH", "answers", answers));
        Cases.ok(api.post("/referrals/" + referralId + "/review", review));
        assertThat(Cases.ok(api.get("/referrals/" + referralId))
                        .get("screening")
                        .get("yesCount")
                        .asInt())
                .isEqualTo(5);

        // 3. enrolment: referred 2026-02-03, assessing 2026-02-04, enrolled 2026-02-16
        String enrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", participant, "cohortId", cohortId, "on", "2026-02-03")))
                .get("id")
                .asText();
        cases.move(enrolment, "assessing", "2026-02-04");
        assertThat(cases.move(enrolment, "enrolled", "2026-02-16").get("state").asText())
                .isEqualTo("enrolled");

        // 4. SRP risk assessment on 2026-02-10
        Map<String, Object> assessment = new LinkedHashMap<>();
        assessment.put("kind", "risk");
        assessment.put("assessedOn", "2026-02-10");
        assessment.put("assessor", "Dr A. Mensah");
        assessment.put("instrument", "SRP");
        assessment.put("riskRatings", ratings("moderate", "high", "high", "moderate"));
        assessment.put("overallRisk", "high");
        assessment.put("stalkerType", "rejected");
        assessment.put("relationship", "ex_intimate");
        assessment.put("substanceMisuse", List.of("alcohol"));
        assessment.put("formulation", FORMULATION);
        Cases.created(api.post(records + "assessments", assessment));

        // 5. twelve sessions, each scheduled then its outcome recorded
        for (Object[] s : SESSIONS) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("kind", "individual_therapy");
            session.put("scheduledAt", s[0]);
            session.put("durationMinutes", 50);
            session.put("facilitator", "Dr A. Okafor");
            String id = Cases.created(api.post(records + "sessions", session))
                    .get("id")
                    .asText();
            sessionIds.add(id);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("outcome", s[1]);
            if (s[2] != null) {
                outcome.put("engagement", s[2]);
                outcome.put("notes", NOTES);
                outcome.put("shareable", false);
            }
            if (s[3] != null) {
                outcome.put("concern", s[3]);
            }
            Cases.ok(api.post(records + "sessions/" + id + "/outcome", outcome));
        }

        // 6. onward referral to an alcohol service: made 2026-03-10, accepted 03-17, engaged 03-24;
        //    and a second one to talking therapies made 2026-04-01 and still waiting
        alcoholReferral = Cases.created(api.post(
                        records + "service-referrals",
                        Map.of(
                                "service",
                                "substance_misuse",
                                "kind",
                                "alcohol",
                                "provider",
                                "Northside Community Alcohol Team",
                                "madeOn",
                                "2026-03-10",
                                "reason",
                                "Drinks before contacting the victim")))
                .get("id")
                .asText();
        String moves = records + "service-referrals/" + alcoholReferral + "/transitions";
        Cases.ok(api.post(moves, Map.of("to", "accepted", "on", "2026-03-17", "reason", "Assessed by the team")));
        assertThat(Cases.ok(api.post(moves, Map.of("to", "engaged", "on", "2026-03-24", "reason", "First group")))
                        .get("state")
                        .asText())
                .isEqualTo("engaged");
        talkingReferral = Cases.created(api.post(
                        records + "service-referrals",
                        Map.of(
                                "service",
                                "mental_health",
                                "kind",
                                "talking_therapies",
                                "provider",
                                "Borough Talking Therapies",
                                "madeOn",
                                "2026-04-01",
                                "reason",
                                "Low mood")))
                .get("id")
                .asText();

        // 7. plan actions, recorded today: one past due and open (overdue), one done on 2026-03-27,
        //    one due in 30 days (open, not overdue)
        overdueAction = action("police", "Check compliance with the protection order", "2026-04-30", "2026-05-15");
        doneAction = action("probation", "Agree an exclusion zone in supervision", "2026-03-31", "2026-04-15");
        Cases.ok(api.post(
                records + "risk-plan/actions/" + doneAction + "/transitions",
                Map.of("to", "done", "on", "2026-03-27", "reason", "Agreed in supervision")));
        aheadAction = action(
                "health",
                "Review alcohol use with the GP",
                TODAY.plusDays(30).toString(),
                TODAY.plusDays(40).toString());

        // 8. two desistance reviews
        Cases.created(api.post(
                records + "desistance-reviews",
                desistanceReview("2026-04-01", ratings("moderate", "high", "moderate", "moderate"), 7, true, 3)));
        Cases.created(api.post(
                records + "desistance-reviews",
                desistanceReview("2026-05-20", ratings("low", "moderate", "high", "high"), 4, false, 4)));

        // 9. an incident
        Cases.created(api.post(
                records + "incidents",
                Map.of(
                        "kind",
                        "contact_with_victim",
                        "occurredOn",
                        "2026-06-02",
                        "source",
                        "police",
                        "details",
                        DETAILS)));
    }

    static Map<String, Object> ratings(String violence, String persistence, String recurrence, String damage) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        ratings.put("violence", violence);
        ratings.put("persistence", persistence);
        ratings.put("recurrence", recurrence);
        ratings.put("psychosocial_damage", damage);
        return ratings;
    }

    static Map<String, Object> desistanceReview(
            String on, Map<String, Object> ratings, int fixation, boolean contact, int engagement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewedOn", on);
        body.put("riskRatings", ratings);
        body.put("fixation", fixation);
        body.put("victimContactSinceLastReview", contact);
        body.put("engagement", engagement);
        body.put("narrative", NARRATIVE);
        return body;
    }

    static String action(String agency, String action, String dueOn, String reviewOn) {
        return Cases.created(api.post(
                        records + "risk-plan/actions",
                        Map.of(
                                "action",
                                action,
                                "agency",
                                agency,
                                "owner",
                                "Named officer",
                                "dueOn",
                                dueOn,
                                "reviewOn",
                                reviewOn)))
                .get("id")
                .asText();
    }

    /** "at" cut to the day, or to the minute for sessions (instants), then the type. */
    static List<String> order(JsonNode events) {
        List<String> order = new ArrayList<>();
        events.forEach(event -> {
            String at = event.get("at").asText();
            order.add((at.length() > 10 ? at.substring(0, 16) : at) + " "
                    + event.get("type").asText());
        });
        return order;
    }

    @Test
    void the_timeline_holds_every_dated_event_in_time_order() {
        Reply reply = api.get(records + "timeline?limit=100");
        JsonNode events = Cases.ok(reply).get("items");
        String today = TODAY.toString();

        // Ordered by the day (a session's instant sorts after the plain dates of its own day), then by kind
        // in the order the kinds are listed (service_referral before desistance_review on 2026-04-01).
        assertThat(order(events))
                .containsExactly(
                        "2026-02-01 referral",
                        "2026-02-02 review",
                        "2026-02-03 enrolment", // referred
                        "2026-02-04 enrolment", // assessing
                        "2026-02-10 assessment",
                        "2026-02-16 enrolment", // enrolled
                        "2026-03-02T09:00 session", // 1 attended
                        "2026-03-09T09:00 session", // 2 attended
                        "2026-03-10 service_referral", // alcohol: made
                        "2026-03-16T09:00 session", // 3 did not attend
                        "2026-03-17 service_referral", // alcohol: accepted
                        "2026-03-23T09:00 session", // 4 late
                        "2026-03-24 service_referral", // alcohol: engaged
                        "2026-03-27 plan_action", // exclusion zone: done
                        "2026-03-30T09:00 session", // 5 attended
                        "2026-04-01 service_referral", // talking therapies: made
                        "2026-04-01 desistance_review", // first review
                        "2026-04-06T09:00 session", // 6 cancelled by service
                        "2026-04-13T09:00 session", // 7 attended
                        "2026-04-20T09:00 session", // 8 cancelled by participant
                        "2026-04-27T09:00 session", // 9 late
                        "2026-05-04T09:00 session", // 10 did not attend
                        "2026-05-11T09:00 session", // 11 attended
                        "2026-05-18T09:00 session", // 12 attended
                        "2026-05-20 desistance_review", // second review
                        "2026-06-02 incident",
                        today + " plan_action", // the three actions were set today
                        today + " plan_action",
                        today + " plan_action");
        assertThat(events).hasSize(29); // 1 + 1 + 3 + 1 + 12 + 4 moves + 2 reviews + 1 incident + 3 set + 1 done

        assertThat(events.get(0).get("summary").asText()).isEqualTo("Referral received from police");
        assertThat(events.get(0).get("ref").asText()).isEqualTo("/api/referrals/" + referralId);
        assertThat(events.get(1).get("summary").asText())
                .isEqualTo("Daily review: priority high, accept for intervention");
        assertThat(events.get(5).get("summary").asText()).isEqualTo("Enrolment: enrolled");
        assertThat(events.get(4).get("summary").asText()).isEqualTo("Risk assessment (SRP): overall risk high");
        assertThat(events.get(6).get("summary").asText()).isEqualTo("Individual therapy: attended, engagement 2/5");
        assertThat(events.get(6).get("ref").asText()).isEqualTo("/api" + records + "sessions/" + sessionIds.get(0));
        assertThat(events.get(9).get("summary").asText()).isEqualTo("Individual therapy: did not attend");
        assertThat(events.get(12).get("summary").asText())
                .isEqualTo("Onward referral (substance misuse, alcohol): engaged");
        assertThat(events.get(12).get("ref").asText())
                .isEqualTo("/api" + records + "service-referrals/" + alcoholReferral);
        assertThat(events.get(13).get("summary").asText()).isEqualTo("Plan action (probation): done");
        assertThat(events.get(13).get("ref").asText()).isEqualTo("/api" + records + "risk-plan/actions/" + doneAction);
        assertThat(events.get(25).get("summary").asText())
                .isEqualTo("Incident: contact with victim (reported by police)");

        assertThat(reply.text())
                .doesNotContain(
                        FORMULATION,
                        NOTES,
                        NARRATIVE,
                        DETAILS,
                        "Asked where the victim",
                        "Drinks before",
                        "Check compliance");
    }

    @Test
    void the_progress_figures_match_the_hand_computed_ones() {
        JsonNode progress = Cases.ok(api.get(records + "progress"));
        assertThat(progress.get("participantId").asText()).isEqualTo(participant);
        assertThat(progress.get("asOf").asText()).isEqualTo(TODAY.toString());

        // outcomes of the twelve: attended 1,2,5,7,11,12 (6); late 4,9 (2); did not attend 3,10 (2);
        // cancelled by the participant 8 (1); cancelled by the service 6 (1)
        JsonNode attendance = progress.get("attendance");
        assertThat(attendance.get("offered").asInt()).isEqualTo(11); // 12 - 1 cancelled by the service
        assertThat(attendance.get("attended").asInt()).isEqualTo(8); // 6 attended + 2 late
        assertThat(attendance.get("didNotAttend").asInt()).isEqualTo(2);
        assertThat(attendance.get("cancelledByParticipant").asInt()).isEqualTo(1);
        assertThat(attendance.get("rate").asDouble()).isCloseTo(0.7273, within(0.0001)); // 8 / 11 = 0.72727...
        assertThat(progress.get("cancelledByService").asInt()).isEqualTo(1);
        assertThat(progress.get("sessionsAwaitingOutcome").asInt()).isZero();

        // engagement of the sessions attended or late, in time order: 2, 3, (4 late) 3, 3, 4, (9 late) 4, 4, 5
        List<String> engagement = new ArrayList<>();
        progress.get("engagementTrend")
                .forEach(point -> engagement.add(point.get("at").asText().substring(0, 10) + "="
                        + point.get("engagement").asInt()));
        assertThat(engagement)
                .containsExactly(
                        "2026-03-02=2",
                        "2026-03-09=3",
                        "2026-03-23=3",
                        "2026-03-30=3",
                        "2026-04-13=4",
                        "2026-04-27=4",
                        "2026-05-11=4",
                        "2026-05-18=5");

        // first assessment (2026-02-10): moderate, high, high, moderate
        // latest review (2026-05-20):    low, moderate, high, high
        assertThat(progress.get("firstAssessedOn").asText()).isEqualTo("2026-02-10");
        assertThat(progress.get("latestReviewOn").asText()).isEqualTo("2026-05-20");
        JsonNode risk = progress.get("risk");
        assertThat(domain(risk, "violence")).isEqualTo("moderate -> low down");
        assertThat(domain(risk, "persistence")).isEqualTo("high -> moderate down");
        assertThat(domain(risk, "recurrence")).isEqualTo("high -> high same");
        assertThat(domain(risk, "psychosocial_damage")).isEqualTo("moderate -> high up");

        List<String> fixation = new ArrayList<>();
        progress.get("fixationTrend")
                .forEach(point -> fixation.add(point.get("reviewedOn").asText() + "="
                        + point.get("fixation").asInt()));
        assertThat(fixation).containsExactly("2026-04-01=7", "2026-05-20=4");

        // the incident happened on 2026-06-02: days from then to today in London
        long days = ChronoUnit.DAYS.between(LocalDate.of(2026, 6, 2), TODAY);
        assertThat(progress.get("daysSinceLastIncident").asLong()).isEqualTo(days);

        // alcohol referral engaged, talking therapies still made
        JsonNode onward = progress.get("onwardReferrals");
        assertThat(onward.size()).isEqualTo(2);
        assertThat(onward.get("engaged").asInt()).isEqualTo(1);
        assertThat(onward.get("made").asInt()).isEqualTo(1);

        // open and due 2026-04-30 (past): overdue; the done one and the one due in 30 days are not
        JsonNode overdue = progress.get("overdueActions");
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).get("id").asText()).isEqualTo(overdueAction);
        assertThat(overdue.get(0).get("agency").asText()).isEqualTo("police");
        assertThat(overdue.get(0).get("dueOn").asText()).isEqualTo("2026-04-30");

        // concerns flagged on sessions 4 and 9
        JsonNode concerns = progress.get("concerns");
        assertThat(concerns).hasSize(2);
        assertThat(concerns.get(0).get("sessionId").asText()).isEqualTo(sessionIds.get(3));
        assertThat(concerns.get(0).get("scheduledAt").asText()).startsWith("2026-03-23T09:00");
        assertThat(concerns.get(0).get("concern").asText()).isEqualTo("Asked where the victim lives now");
        assertThat(concerns.get(1).get("sessionId").asText()).isEqualTo(sessionIds.get(8));
        assertThat(concerns.get(1).get("concern").asText()).isEqualTo("Said he drove past her workplace");
    }

    static String domain(JsonNode risk, String name) {
        JsonNode domain = risk.get(name);
        return domain.get("atFirstAssessment").asText() + " -> "
                + domain.get("atLatestReview").asText() + " "
                + domain.get("movement").asText();
    }
}
