package org.desist.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finding 6 of issue 12: an enrolment opened while an outcome is recorded for the same participant, on
 * two instances of the service sharing one database. Each transaction used to miss the other's
 * uncommitted row, so the session counted for the new cohort in neither, and the cohort's totals fell
 * short of a recount.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class TotalsRaceTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> ONE = TestApp.on(DATABASE);
    static final DropwizardAppExtension<DesistConfiguration> TWO = TestApp.on(DATABASE);
    static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);
    static Api one;
    static Api two;
    static Cases cases;
    static Jdbi database;

    @BeforeAll
    static void twoInstances() {
        one = TestApp.api(ONE);
        two = TestApp.as(TWO, "tester");
        cases = new Cases(one);
        cases.site("RACE");
        database = DATABASE.jdbi();
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
    }

    /** A participant accepted for intervention, with sessions held in the past and no outcome yet. */
    static Participant participantWithSessions(int sessions) {
        JsonNode referral = cases.referral("RACE", "2026-02-01");
        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
        String id = referral.get("participantId").asText();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String base = "/participants/" + id + "/sessions";
            JsonNode created = Cases.created(one.post(
                    base,
                    Map.of(
                            "kind",
                            "individual_therapy",
                            "scheduledAt",
                            "2026-02-1" + i + "T10:00:00Z",
                            "durationMinutes",
                            50,
                            "facilitator",
                            "Dr A. Okafor")));
            paths.add(base + "/" + created.get("id").asText() + "/outcome");
        }
        return new Participant(id, paths);
    }

    record Participant(String id, List<String> outcomePaths) {}

    /**
     * The interleaving forced, on PostgreSQL: the test holds the audit chain's head, which every write takes
     * last, so the enrolment (on one instance) has read the participant's sessions and written its row when
     * it stops; the outcome (on the other) is then sent and stops too; the head is released and both commit.
     */
    @Test
    void an_outcome_recorded_while_the_enrolment_opens_counts_for_the_cohort() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "SQLite's single writer cannot interleave two transactions");
        String cohort = cases.cohort("RACE").get("id").asText();
        Participant participant = participantWithSessions(1);
        Future<Reply> enrolment;
        Future<Reply> outcome;
        try (Handle head = database.open()) {
            head.begin();
            head.execute("UPDATE audit_head SET last_seq = last_seq WHERE id = 1");
            enrolment = CLIENTS.submit(() -> one.post(
                    "/enrolments", Map.of("participantId", participant.id(), "cohortId", cohort, "on", "2026-02-03")));
            waitForWaiters(1);
            outcome = CLIENTS.submit(() -> two.post(
                    participant.outcomePaths().get(0),
                    Map.of("outcome", "attended", "engagement", 4, "shareable", false)));
            waitForWaiters(2);
            head.commit();
        }
        assertThat(enrolment.get(1, TimeUnit.MINUTES).status())
                .as(enrolment.get().toString())
                .isEqualTo(201);
        assertThat(outcome.get(1, TimeUnit.MINUTES).status())
                .as(outcome.get().toString())
                .isEqualTo(200);
        assertThat(cohortTotals(cohort))
                .as("the cohort's totals against a recount")
                .isEqualTo(cohortRecount(cohort))
                .isEqualTo(List.of(Map.of("outcome", "attended", "sessions", 1L)));
        assertThat(siteTotals()).isEqualTo(rows(AttendanceTotals.RECOUNT));
    }

    /** Many enrolments and outcomes at once, spread over both instances: on either database, nothing drifts. */
    @Test
    void a_burst_of_enrolments_and_outcomes_over_two_instances_keeps_the_totals_equal_to_a_recount() throws Exception {
        String cohort = cases.cohort("RACE").get("id").asText();
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            participants.add(participantWithSessions(3));
        }
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            Api enrolling = i % 2 == 0 ? one : two;
            Api recording = i % 2 == 0 ? two : one;
            replies.add(CompletableFuture.supplyAsync(
                    () -> enrolling.post(
                            "/enrolments",
                            Map.of("participantId", participant.id(), "cohortId", cohort, "on", "2026-02-03")),
                    CLIENTS));
            for (String path : participant.outcomePaths()) {
                replies.add(CompletableFuture.supplyAsync(
                        () -> recording.post(path, Map.of("outcome", "late", "shareable", false)), CLIENTS));
            }
        }
        for (CompletableFuture<Reply> reply : replies) {
            assertThat(reply.get(2, TimeUnit.MINUTES).status())
                    .as(reply.get().toString())
                    .isIn(200, 201);
        }
        assertThat(cohortTotals(cohort))
                .isEqualTo(cohortRecount(cohort))
                .isEqualTo(List.of(Map.of("outcome", "late", "sessions", 36L)));
        assertThat(siteTotals()).isEqualTo(rows(AttendanceTotals.RECOUNT));
    }

    /** Backends of this database waiting for a lock: the test's requests, stopped where it wants them. */
    static void waitForWaiters(int expected) throws InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            int waiting = database.withHandle(handle -> handle.createQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND wait_event_type = 'Lock'")
                    .mapTo(Integer.class)
                    .one());
            if (waiting >= expected) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Fewer than " + expected + " requests came to wait for the audit head");
    }

    static List<Map<String, Object>> siteTotals() {
        return rows(
                "SELECT site_code, on_date, outcome, sessions, engagement_sum, engagement_rated FROM attendance_totals");
    }

    static List<Map<String, Object>> rows(String query) {
        return database.withHandle(handle -> handle.createQuery("SELECT * FROM (" + query + ") AS q ORDER BY 1, 2, 3")
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }

    static List<Map<String, Object>> cohortTotals(String cohort) {
        return database.withHandle(handle -> handle.createQuery("SELECT outcome, sum(sessions) AS sessions"
                        + " FROM cohort_attendance_totals WHERE cohort_id = :c GROUP BY outcome ORDER BY outcome")
                .bind("c", cohort)
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }

    static List<Map<String, Object>> cohortRecount(String cohort) {
        return database.withHandle(handle -> handle.createQuery("SELECT outcome, sum(sessions) AS sessions FROM ("
                        + AttendanceTotals.RECOUNT_BY_COHORT + ") AS recount WHERE cohort_id = :c GROUP BY outcome"
                        + " ORDER BY outcome")
                .bind("c", cohort)
                .mapToMap()
                .map(AttendanceTotalsTest::numbersAsLongs)
                .list());
    }
}
