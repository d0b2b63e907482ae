package org.desist.attention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.incident.IncidentKind;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.ConfigFiles;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules raised at once (docs/attention.md), each at its boundaries, through the API on a case whose team is the
 * key worker, the responsible officer and the advocate: who is told, what a second occurrence does, and what clears.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AtOnceRulesTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String SITE = "ATT1";
    static final String KEY_WORKER = "att.kw";
    static final String OFFICER = "att.ro";
    static final String ADVOCATE = "att.adv";

    /** The same service with attention.evaluateOnWrite off, as the benchmark runs it without the rules. */
    static final DropwizardAppExtension<DesistConfiguration> OFF = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived("test-config.yml", Map.of("attention", "attention:\n  evaluateOnWrite: false")),
            TestDatabase.fresh().overrides());

    static Api tester;
    static Cases cases;
    static Jdbi database;

    @BeforeAll
    static void teamAtOneSite() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        Staff.ensure(APP, KEY_WORKER, Set.of(Role.clinician), Set.of(SITE));
        Staff.ensure(APP, OFFICER, Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, ADVOCATE, Set.of(Role.advocate), Set.of(SITE));
        database = DATABASE.jdbi();
    }

    /** A new case at the site with its team of three. */
    static String teamCase() {
        String participantId = cases.participant(SITE);
        Teams.put(database, participantId, KEY_WORKER, TeamRole.key_worker);
        Teams.put(database, participantId, OFFICER, TeamRole.responsible_officer);
        Teams.put(database, participantId, ADVOCATE, TeamRole.advocate);
        return participantId;
    }

    static List<JsonNode> alerts(String username, String participantId, String state) {
        JsonNode page =
                Cases.ok(TestApp.as(APP, username).get("/alerts?state=" + state + "&participantId=" + participantId));
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    static List<JsonNode> open(String username, String participantId) {
        return alerts(username, participantId, "open");
    }

    static JsonNode record(String participantId, RecordKind kind, Map<String, Object> changes) {
        return record(tester, participantId, kind, changes);
    }

    static JsonNode record(Api api, String participantId, RecordKind kind, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(kind.validBody(""));
        body.putAll(changes);
        return Cases.created(api.post("/participants/" + participantId + "/" + kind.path, body));
    }

    static Reply acknowledge(String username, String alertId) {
        return TestApp.as(APP, username)
                .post("/alerts/" + alertId + "/acknowledgement", Map.of("note", "Seen; discussed with the team"));
    }

    static void enteredInError(String participantId, RecordKind kind, String id, int version) {
        Cases.ok(tester.send(
                "POST",
                "/participants/" + participantId + "/" + kind.path + "/" + id + "/entered-in-error",
                Map.of("reason", "Wrong participant"),
                Map.of("If-Match", "\"" + version + "\"")));
    }

    /** A session scheduled on that day at 10:00 UTC with its outcome recorded. */
    static JsonNode session(String participantId, String day, String outcome, String concern) {
        JsonNode session = record(participantId, RecordKind.SESSIONS, Map.of("scheduledAt", day + "T10:00:00Z"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        if (concern != null) {
            body.put("concern", concern);
        }
        return Cases.ok(tester.post(
                "/participants/" + participantId + "/sessions/"
                        + session.get("id").asText() + "/outcome",
                body));
    }

    static Map<String, Object> review(String day, String violence, int fixation) {
        Map<String, Object> ratings = new LinkedHashMap<>(RecordKind.riskRatings());
        ratings.put("violence", violence);
        return Map.of("reviewedOn", day, "riskRatings", ratings, "fixation", fixation);
    }

    // ---------------------------------------------------------------- incident_recorded

    @ParameterizedTest
    @EnumSource(IncidentKind.class)
    void every_kind_of_incident_tells_the_whole_team_at_once(IncidentKind kind) {
        String participantId = teamCase();
        JsonNode incident =
                record(participantId, RecordKind.INCIDENTS, Map.of("kind", kind.name(), "occurredOn", "2026-03-04"));

        for (String member : List.of(KEY_WORKER, OFFICER, ADVOCATE)) {
            List<JsonNode> told = open(member, participantId);
            assertThat(told).as(member).hasSize(1);
            JsonNode alert = told.get(0);
            assertThat(alert.get("rule").asText()).isEqualTo("incident_recorded");
            assertThat(alert.get("occurredOn").asText()).isEqualTo("2026-03-04");
            assertThat(alert.get("recordType").asText()).isEqualTo("incident");
            // every team role reads incidents: each gets the record's id
            assertThat(alert.get("recordId").asText())
                    .isEqualTo(incident.get("id").asText());
            assertThat(alert.get("state").asText()).isEqualTo("open");
        }
        assertThat(Teams.alerts(database, participantId, Rule.incident_recorded))
                .isEqualTo(1);
    }

    @Test
    void a_second_incident_while_one_is_open_points_the_alert_anew_and_unacknowledges_it_without_a_second_email() {
        String participantId = teamCase();
        Teams.email(database, OFFICER, "officer@probation.example");
        int emailsBefore = Teams.emails(database, OFFICER);
        record(participantId, RecordKind.INCIDENTS, Map.of("kind", "contact_with_victim", "occurredOn", "2026-03-01"));
        String alertId = open(OFFICER, participantId).get(0).get("id").asText();
        assertThat(acknowledge(OFFICER, alertId).status()).isEqualTo(200);
        assertThat(open(OFFICER, participantId)).isEmpty();
        assertThat(alerts(OFFICER, participantId, "acknowledged")).hasSize(1);

        JsonNode breach = record(
                participantId, RecordKind.INCIDENTS, Map.of("kind", "breach_of_order", "occurredOn", "2026-03-05"));

        List<JsonNode> again = open(OFFICER, participantId);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).get("id").asText()).isEqualTo(alertId);
        assertThat(again.get(0).get("recordId").asText())
                .isEqualTo(breach.get("id").asText());
        assertThat(again.get(0).get("occurredOn").asText()).isEqualTo("2026-03-05");
        assertThat(again.get(0).get("acknowledgement").isNull()).isTrue();
        assertThat(Teams.alerts(database, participantId, Rule.incident_recorded))
                .isEqualTo(1);
        assertThat(Teams.emails(database, OFFICER) - emailsBefore)
                .as("one email for the first telling only")
                .isEqualTo(1);
    }

    @Test
    void the_last_acknowledgement_clears_an_incident_alert_and_not_before() {
        String participantId = teamCase();
        record(participantId, RecordKind.INCIDENTS, Map.of());
        String alertId = open(KEY_WORKER, participantId).get(0).get("id").asText();

        assertThat(acknowledge(KEY_WORKER, alertId).status()).isEqualTo(200);
        assertThat(acknowledge(OFFICER, alertId).status()).isEqualTo(200);
        assertThat(open(ADVOCATE, participantId))
                .as("still open for the advocate")
                .hasSize(1);
        assertThat(Teams.clearedBecause(database, participantId, Rule.incident_recorded))
                .isNull();

        JsonNode last = Cases.ok(acknowledge(ADVOCATE, alertId));
        assertThat(last.get("state").asText()).isEqualTo("cleared");
        assertThat(last.get("clearedBecause").asText()).isEqualTo("acknowledged");
        for (String member : List.of(KEY_WORKER, OFFICER, ADVOCATE)) {
            assertThat(open(member, participantId)).isEmpty();
            assertThat(alerts(member, participantId, "cleared")).hasSize(1);
        }
        // cleared, the next incident raises a new alert
        record(participantId, RecordKind.INCIDENTS, Map.of());
        assertThat(Teams.alerts(database, participantId, Rule.incident_recorded))
                .isEqualTo(2);
    }

    @Test
    void an_incident_entered_in_error_takes_its_alert_with_it() {
        String participantId = teamCase();
        JsonNode incident = record(participantId, RecordKind.INCIDENTS, Map.of());
        enteredInError(participantId, RecordKind.INCIDENTS, incident.get("id").asText(), 1);

        assertThat(open(KEY_WORKER, participantId)).isEmpty();
        assertThat(Teams.clearedBecause(database, participantId, Rule.incident_recorded))
                .isEqualTo("entered_in_error");
    }

    @Test
    void an_earlier_incident_entered_in_error_leaves_the_alert_a_later_one_raised() {
        String participantId = teamCase();
        JsonNode first = record(participantId, RecordKind.INCIDENTS, Map.of("occurredOn", "2026-03-01"));
        record(participantId, RecordKind.INCIDENTS, Map.of("occurredOn", "2026-03-02"));
        enteredInError(participantId, RecordKind.INCIDENTS, first.get("id").asText(), 1);

        assertThat(open(KEY_WORKER, participantId)).hasSize(1);
    }

    // ---------------------------------------------------------------- session_concern

    @Test
    void an_outcome_with_a_concern_raises_one_without_does_not() {
        String participantId = teamCase();
        session(participantId, "2026-03-02", "attended", null);
        assertThat(open(KEY_WORKER, participantId)).isEmpty();

        JsonNode concerned = session(participantId, "2026-03-09", "attended", "Drove past her workplace");
        List<JsonNode> told = open(OFFICER, participantId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("rule").asText()).isEqualTo("session_concern");
        assertThat(told.get(0).get("occurredOn").asText()).isEqualTo("2026-03-09");
        assertThat(told.get(0).get("recordId").asText())
                .isEqualTo(concerned.get("id").asText());
        // the advocate may not read sessions: told that a concern was raised and when, not which record
        JsonNode advocates = open(ADVOCATE, participantId).get(0);
        assertThat(advocates.get("rule").asText()).isEqualTo("session_concern");
        assertThat(advocates.get("recordId").isNull()).isTrue();

        enteredInError(participantId, RecordKind.SESSIONS, concerned.get("id").asText(), 2);
        assertThat(open(OFFICER, participantId)).isEmpty();
        assertThat(Teams.clearedBecause(database, participantId, Rule.session_concern))
                .isEqualTo("entered_in_error");
    }

    @Test
    void a_blank_concern_is_refused_and_raises_nothing() {
        String participantId = teamCase();
        JsonNode session = record(participantId, RecordKind.SESSIONS, Map.of());
        Reply refused = tester.post(
                "/participants/" + participantId + "/sessions/"
                        + session.get("id").asText() + "/outcome",
                Map.of("outcome", "attended", "concern", "   "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fieldsAtFault()).contains("concern");
        assertThat(Teams.alerts(database, participantId, Rule.session_concern)).isZero();
    }

    // ---------------------------------------------------------------- consecutive_did_not_attend

    @Test
    void one_did_not_attend_raises_nothing_two_in_a_row_do_and_attending_clears() {
        String participantId = teamCase();
        session(participantId, "2026-03-02", "did_not_attend", null);
        assertThat(Teams.alerts(database, participantId, Rule.consecutive_did_not_attend))
                .isZero();

        JsonNode second = session(participantId, "2026-03-09", "did_not_attend", null);
        List<JsonNode> told = open(KEY_WORKER, participantId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("rule").asText()).isEqualTo("consecutive_did_not_attend");
        assertThat(told.get(0).get("recordId").asText())
                .isEqualTo(second.get("id").asText());

        session(participantId, "2026-03-16", "late", null);
        assertThat(open(KEY_WORKER, participantId)).isEmpty();
        assertThat(Teams.clearedBecause(database, participantId, Rule.consecutive_did_not_attend))
                .isEqualTo("attended");
    }

    @Test
    void a_did_not_attend_after_an_attended_session_or_a_cancellation_raises_nothing() {
        String participantId = teamCase();
        session(participantId, "2026-03-02", "did_not_attend", null);
        session(participantId, "2026-03-09", "attended", null);
        session(participantId, "2026-03-16", "did_not_attend", null);
        session(participantId, "2026-03-23", "cancelled_by_service", null);
        session(participantId, "2026-03-30", "did_not_attend", null);

        assertThat(Teams.alerts(database, participantId, Rule.consecutive_did_not_attend))
                .isZero();
    }

    @Test
    void the_previous_outcome_is_by_session_time_not_by_when_it_was_recorded() {
        String participantId = teamCase();
        session(participantId, "2026-03-09", "did_not_attend", null);
        // recorded later, but the session was earlier: it precedes nothing that was missed
        session(participantId, "2026-03-02", "did_not_attend", null);
        assertThat(Teams.alerts(database, participantId, Rule.consecutive_did_not_attend))
                .as("the 2 March session has no earlier one")
                .isZero();
        session(participantId, "2026-03-16", "did_not_attend", null);
        assertThat(Teams.alerts(database, participantId, Rule.consecutive_did_not_attend))
                .isEqualTo(1);
    }

    @Test
    void a_missed_session_entered_in_error_does_not_count_as_the_previous_one() {
        String participantId = teamCase();
        JsonNode first = session(participantId, "2026-03-02", "did_not_attend", null);
        enteredInError(participantId, RecordKind.SESSIONS, first.get("id").asText(), 2);
        session(participantId, "2026-03-09", "did_not_attend", null);

        assertThat(Teams.alerts(database, participantId, Rule.consecutive_did_not_attend))
                .isZero();
    }

    // ---------------------------------------------------------------- risk_raised

    @Test
    void fixation_seven_raises_nothing_eight_does() {
        String participantId = teamCase();
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-01", "low", 7));
        assertThat(Teams.alerts(database, participantId, Rule.risk_raised)).isZero();

        JsonNode eight = record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-15", "low", 8));
        List<JsonNode> told = open(ADVOCATE, participantId);
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("rule").asText()).isEqualTo("risk_raised");
        // advocates read desistance reviews (never their narrative): the record's id is theirs
        assertThat(told.get(0).get("recordId").asText())
                .isEqualTo(eight.get("id").asText());
    }

    @Test
    void a_domain_rated_higher_than_the_previous_review_raises_the_same_or_lower_does_not() {
        String participantId = teamCase();
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-01", "moderate", 5));
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-08", "moderate", 5));
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-15", "low", 5));
        assertThat(Teams.alerts(database, participantId, Rule.risk_raised)).isZero();

        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-22", "moderate", 5));
        assertThat(open(KEY_WORKER, participantId)).hasSize(1);
    }

    @Test
    void a_later_review_raising_nothing_with_fixation_below_eight_clears_and_an_older_one_does_not() {
        String participantId = teamCase();
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-01", "low", 5));
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-15", "high", 5));
        assertThat(open(KEY_WORKER, participantId)).hasSize(1);

        // back-dated before the raising review: it settles nothing
        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-10", "low", 3));
        assertThat(open(KEY_WORKER, participantId)).hasSize(1);

        record(participantId, RecordKind.DESISTANCE_REVIEWS, review("2026-03-29", "high", 7));
        assertThat(open(KEY_WORKER, participantId)).isEmpty();
        assertThat(Teams.clearedBecause(database, participantId, Rule.risk_raised))
                .isEqualTo("later_review_raised_nothing");
    }

    // ---------------------------------------------------------------- victim_safety_concern

    @Test
    void a_victim_safety_concern_tells_the_team_and_entered_in_error_clears_it() {
        String participantId = teamCase();
        JsonNode concern = record(
                TestApp.as(APP, ADVOCATE), participantId, RecordKind.VICTIM_SAFETY, Map.of("raisedOn", "2026-03-10"));
        for (String member : List.of(KEY_WORKER, OFFICER, ADVOCATE)) {
            List<JsonNode> told = open(member, participantId);
            assertThat(told).as(member).hasSize(1);
            assertThat(told.get(0).get("rule").asText()).isEqualTo("victim_safety_concern");
            assertThat(told.get(0).get("occurredOn").asText()).isEqualTo("2026-03-10");
        }
        Cases.ok(TestApp.as(APP, ADVOCATE)
                .send(
                        "POST",
                        "/participants/" + participantId + "/victim-safety/"
                                + concern.get("id").asText() + "/entered-in-error",
                        Map.of("reason", "Wrong participant"),
                        Map.of("If-Match", "\"1\"")));
        assertThat(open(KEY_WORKER, participantId)).isEmpty();
        assertThat(Teams.clearedBecause(database, participantId, Rule.victim_safety_concern))
                .isEqualTo("entered_in_error");
    }

    // ---------------------------------------------------------------- referral_awaiting_review

    @Test
    void reviewing_the_referral_clears_its_waiting_alert_at_once() {
        JsonNode referral = cases.referral(SITE, "2026-02-02");
        String participantId = referral.get("participantId").asText();
        Teams.raisedBySweep(
                database,
                participantId,
                Rule.referral_awaiting_review,
                "referral",
                referral.get("id").asText());

        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");

        assertThat(Teams.clearedBecause(database, participantId, Rule.referral_awaiting_review))
                .isEqualTo("reviewed");
    }

    // ---------------------------------------------------------------- attention.evaluateOnWrite

    @Test
    void with_evaluation_on_write_off_a_write_raises_nothing() {
        Api off = TestApp.api(OFF);
        Cases offCases = new Cases(off);
        offCases.site(SITE);
        Staff.ensure(OFF, KEY_WORKER, Set.of(Role.clinician), Set.of(SITE));
        Jdbi offDatabase = Teams.database(OFF);
        String participantId = offCases.participant(SITE);
        Teams.put(offDatabase, participantId, KEY_WORKER, TeamRole.key_worker);
        Cases.created(off.post("/participants/" + participantId + "/incidents", RecordKind.INCIDENTS.validBody("")));

        assertThat(Teams.alerts(offDatabase, participantId, Rule.incident_recorded))
                .isZero();
        assertThat(Cases.ok(TestApp.as(OFF, KEY_WORKER).get("/alerts")).get("items"))
                .isEmpty();
    }

    // ---------------------------------------------------------------- nobody on the team

    @Test
    void a_case_without_a_team_keeps_its_alert_told_to_nobody() {
        String participantId = cases.participant(SITE);
        record(participantId, RecordKind.INCIDENTS, Map.of());
        assertThat(Teams.alerts(database, participantId, Rule.incident_recorded))
                .isEqualTo(1);
        assertThat(open(KEY_WORKER, participantId)).isEmpty();
    }
}
