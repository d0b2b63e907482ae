package org.desist.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.attention.SweepSupport.alerts;
import static org.desist.attention.SweepSupport.on;
import static org.desist.support.Cases.created;
import static org.desist.support.Cases.ok;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.desist.attention.SweepSupport.StoredAlert;
import org.desist.attention.sweep.JdbiLockProvider;
import org.desist.attention.sweep.Sweep;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RecordKind;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The time-based rules at their boundaries, each swept with fixed clocks against the app's database (SQLite, or
 * PostgreSQL when the run names one): raised on the day the rule says and not the day before, once however often
 * swept, told to the case's team (or the site's reviewers), and cleared by the sweep when the condition ends.
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
class SweepRulesTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final String SITE = "SWP";
    private static Api api;
    private static Cases cases;
    private static Jdbi jdbi;
    private static String cohortId;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        cohortId = cases.cohort(SITE).get("id").asText();
        jdbi = SweepSupport.jdbiOf(APP);
        Staff.ensure(APP, "kw.sweep", Set.of(Role.clinician), Set.of(SITE));
        Staff.ensure(APP, "ro.sweep", Set.of(Role.probation), Set.of(SITE));
        Staff.ensure(APP, "adv.sweep", Set.of(Role.advocate), Set.of(SITE));
        SweepSupport.email(jdbi, "kw.sweep", "kw.sweep@example.org");
        SweepSupport.email(jdbi, "ro.sweep", "ro.sweep@example.org");
    }

    private static List<Sweep.Outcome> sweep(String day, LocalDate... holidays) {
        return new Sweep(jdbi, on(day), Set.of(holidays)).run();
    }

    private static String teamCase() {
        String participantId = cases.participant(SITE);
        SweepSupport.allocate(jdbi, participantId, "kw.sweep", TeamRole.key_worker, "2026-02-01");
        SweepSupport.allocate(jdbi, participantId, "ro.sweep", TeamRole.responsible_officer, "2026-02-01");
        SweepSupport.allocate(jdbi, participantId, "adv.sweep", TeamRole.advocate, "2026-02-01");
        return participantId;
    }

    /** An enrolment of a new case with its team, moved to enrolled on 2026-02-05. */
    private static JsonNode enrolled() {
        JsonNode enrolment = cases.enrolment(SITE, cohortId);
        String participantId = enrolment.get("participantId").asText();
        SweepSupport.allocate(jdbi, participantId, "kw.sweep", TeamRole.key_worker, "2026-02-01");
        SweepSupport.allocate(jdbi, participantId, "ro.sweep", TeamRole.responsible_officer, "2026-02-01");
        SweepSupport.allocate(jdbi, participantId, "adv.sweep", TeamRole.advocate, "2026-02-01");
        cases.move(enrolment.get("id").asText(), "assessing", "2026-02-04");
        cases.move(enrolment.get("id").asText(), "enrolled", "2026-02-05");
        return enrolment;
    }

    private static JsonNode record(String participantId, RecordKind kind, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(kind.validBody(""));
        body.putAll(changes);
        return created(api.post("/participants/" + participantId + "/" + kind.path, body));
    }

    private static void attended(String participantId, String at) {
        JsonNode session = record(participantId, RecordKind.SESSIONS, Map.of("scheduledAt", at));
        ok(api.post(
                "/participants/" + participantId + "/sessions/"
                        + session.get("id").asText() + "/outcome",
                Map.of("outcome", "attended", "engagement", 4)));
    }

    private static List<StoredAlert> open(String participantId, Rule rule) {
        return alerts(jdbi, participantId, rule).stream()
                .filter(alert -> alert.cleared() == null)
                .toList();
    }

    @Test
    void no_attended_session_counts_21_days_from_the_day_enrolled_then_from_the_last_attended_session() {
        JsonNode enrolment = enrolled();
        String participantId = enrolment.get("participantId").asText();

        sweep("2026-02-25"); // 20 days after enrolment
        assertThat(alerts(jdbi, participantId, Rule.no_attended_session)).isEmpty();
        sweep("2026-02-26"); // 21
        List<StoredAlert> raised = open(participantId, Rule.no_attended_session);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).recordType()).isEqualTo("enrolment");
        assertThat(raised.get(0).recordId()).isEqualTo(enrolment.get("id").asText());
        assertThat(raised.get(0).occurredOn()).isEqualTo("2026-02-05");
        assertThat(SweepSupport.recipients(jdbi, raised.get(0).id()))
                .containsExactly("adv.sweep", "kw.sweep", "ro.sweep");
        assertThat(SweepSupport.emails(jdbi, raised.get(0).id()))
                .as("one email per recipient with an address")
                .isEqualTo(2);

        attended(participantId, "2026-02-27T10:00:00Z");
        sweep("2026-02-28");
        assertThat(open(participantId, Rule.no_attended_session)).isEmpty();
        assertThat(alerts(jdbi, participantId, Rule.no_attended_session).get(0).cleared())
                .isEqualTo(Sweep.CONDITION_ENDED);

        sweep("2026-03-19"); // 20 days after the session
        assertThat(open(participantId, Rule.no_attended_session)).isEmpty();
        sweep("2026-03-20"); // 21
        assertThat(open(participantId, Rule.no_attended_session))
                .singleElement()
                .extracting(StoredAlert::occurredOn)
                .isEqualTo("2026-02-27");
    }

    @Test
    void a_session_late_in_the_evening_counts_on_its_london_day() {
        JsonNode enrolment = enrolled();
        String participantId = enrolment.get("participantId").asText();
        attended(participantId, "2026-06-10T23:30:00Z"); // 00:30 on the 11th in London (summer time)
        sweep("2026-07-01"); // 20 days after the 11th
        assertThat(open(participantId, Rule.no_attended_session)).isEmpty();
        sweep("2026-07-02");
        assertThat(open(participantId, Rule.no_attended_session))
                .singleElement()
                .extracting(StoredAlert::occurredOn)
                .isEqualTo("2026-06-11");
    }

    @Test
    void a_plan_action_is_overdue_the_day_after_its_due_date_until_done() {
        String participantId = teamCase();
        JsonNode action = record(participantId, RecordKind.PLAN_ACTIONS, Map.of("dueOn", "2026-03-20"));

        sweep("2026-03-20");
        assertThat(alerts(jdbi, participantId, Rule.plan_action_overdue)).isEmpty();
        sweep("2026-03-21");
        assertThat(open(participantId, Rule.plan_action_overdue))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.recordType()).isEqualTo("plan_action");
                    assertThat(alert.recordId()).isEqualTo(action.get("id").asText());
                    assertThat(alert.occurredOn()).isEqualTo("2026-03-20");
                });

        ok(api.post(
                "/participants/" + participantId + "/risk-plan/actions/"
                        + action.get("id").asText() + "/transitions",
                Map.of("to", "done", "on", "2026-03-22", "reason", "Order served")));
        sweep("2026-03-23");
        assertThat(open(participantId, Rule.plan_action_overdue)).isEmpty();
    }

    @Test
    void a_second_overdue_action_points_the_open_alert_at_it_without_a_second_alert_or_email() {
        String participantId = teamCase();
        record(participantId, RecordKind.PLAN_ACTIONS, Map.of("dueOn", "2026-03-20"));
        sweep("2026-03-21");
        StoredAlert first = open(participantId, Rule.plan_action_overdue).get(0);
        long emails = SweepSupport.emails(jdbi, first.id());

        record(participantId, RecordKind.PLAN_ACTIONS, Map.of("dueOn", "2026-03-25"));
        // Alerts.raise points the open alert at the newer action (attention-core's re-raise): the sweep asks it to
        // once, and not again while that action stays the newest
        assertThat(sweep("2026-03-26"))
                .filteredOn(outcome -> outcome.rule() == Rule.plan_action_overdue)
                .singleElement()
                .satisfies(outcome -> {
                    assertThat(outcome.raised()).isZero();
                    assertThat(outcome.pointedAnew()).isEqualTo(1);
                });
        StoredAlert now = open(participantId, Rule.plan_action_overdue).get(0);
        assertThat(alerts(jdbi, participantId, Rule.plan_action_overdue)).hasSize(1);
        assertThat(now.id()).isEqualTo(first.id());
        assertThat(SweepSupport.emails(jdbi, first.id())).isEqualTo(emails);
    }

    @Test
    void a_legal_measure_ending_within_14_days_counting_today_and_its_end_day() {
        String participantId = teamCase();
        JsonNode measure = record(participantId, RecordKind.LEGAL_MEASURES, Map.of("until", "2026-04-30"));

        sweep("2026-04-15"); // 15 days before
        assertThat(alerts(jdbi, participantId, Rule.legal_measure_ending)).isEmpty();
        sweep("2026-04-16"); // 14
        assertThat(open(participantId, Rule.legal_measure_ending))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.recordId()).isEqualTo(measure.get("id").asText());
                    assertThat(alert.occurredOn()).isEqualTo("2026-04-30");
                });
        sweep("2026-04-30"); // its last day: still
        assertThat(open(participantId, Rule.legal_measure_ending)).hasSize(1);
        sweep("2026-05-01"); // ended
        assertThat(open(participantId, Rule.legal_measure_ending)).isEmpty();
        assertThat(alerts(jdbi, participantId, Rule.legal_measure_ending)).hasSize(1);
    }

    @Test
    void a_measure_entered_in_error_no_longer_counts() {
        String participantId = teamCase();
        JsonNode measure = record(participantId, RecordKind.LEGAL_MEASURES, Map.of("until", "2026-04-30"));
        sweep("2026-04-20");
        assertThat(open(participantId, Rule.legal_measure_ending)).hasSize(1);
        ok(api.send(
                "POST",
                "/participants/" + participantId + "/legal-measures/"
                        + measure.get("id").asText() + "/entered-in-error",
                Map.of("reason", "Recorded on the wrong case"),
                Map.of("If-Match", "\"" + measure.get("version").asInt() + "\"")));
        sweep("2026-04-21");
        assertThat(open(participantId, Rule.legal_measure_ending)).isEmpty();
    }

    @Test
    void a_referral_waits_one_working_day_over_a_weekend_and_a_holiday() {
        Staff.ensure(APP, "reviewer.sweep", Set.of(Role.clinician), Set.of(SITE));
        // received on Friday 27 November: Monday is its one working day, Tuesday is past it
        JsonNode friday = created(api.post("/referrals", Cases.referral(SITE, "2026-11-27", "Daniel", "Hale")));
        String participantId = friday.get("participantId").asText();
        sweep("2026-11-28");
        sweep("2026-11-30");
        assertThat(alerts(jdbi, participantId, Rule.referral_awaiting_review)).isEmpty();
        sweep("2026-12-01", LocalDate.parse("2026-11-30")); // with Monday a holiday, Tuesday is its working day
        assertThat(alerts(jdbi, participantId, Rule.referral_awaiting_review)).isEmpty();
        sweep("2026-12-01");
        StoredAlert alert = open(participantId, Rule.referral_awaiting_review).get(0);
        assertThat(alert.recordType()).isEqualTo("referral");
        assertThat(alert.recordId()).isEqualTo(friday.get("id").asText());
        assertThat(alert.occurredOn()).isEqualTo("2026-11-27");
        assertThat(SweepSupport.recipients(jdbi, alert.id()))
                .as("the site's reviewers, not the case's team")
                .contains("reviewer.sweep")
                .doesNotContain("adv.sweep");

        ok(api.post(
                "/referrals/" + friday.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-12-01",
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Daily review")));
        sweep("2026-12-01");
        assertThat(open(participantId, Rule.referral_awaiting_review)).isEmpty();
    }

    @Test
    void a_thursday_referral_is_past_its_working_day_on_monday_not_at_the_weekend() {
        JsonNode thursday = created(api.post("/referrals", Cases.referral(SITE, "2026-11-26", "Daniel", "Hale")));
        String participantId = thursday.get("participantId").asText();
        sweep("2026-11-27");
        sweep("2026-11-28");
        sweep("2026-11-29");
        assertThat(alerts(jdbi, participantId, Rule.referral_awaiting_review)).isEmpty();
        sweep("2026-11-30");
        assertThat(open(participantId, Rule.referral_awaiting_review)).hasSize(1);
    }

    @Test
    void an_onward_referral_stalls_28_days_after_its_last_move_and_moving_clears_it() {
        String participantId = teamCase();
        JsonNode referral = record(participantId, RecordKind.SERVICE_REFERRALS, Map.of("madeOn", "2026-03-02"));

        sweep("2026-03-29"); // 27 days
        assertThat(alerts(jdbi, participantId, Rule.onward_referral_stalled)).isEmpty();
        sweep("2026-03-30"); // 28
        assertThat(open(participantId, Rule.onward_referral_stalled))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.recordType()).isEqualTo("service_referral");
                    assertThat(alert.recordId()).isEqualTo(referral.get("id").asText());
                    assertThat(alert.occurredOn()).isEqualTo("2026-03-02");
                });

        ok(api.post(
                "/participants/" + participantId + "/service-referrals/"
                        + referral.get("id").asText() + "/transitions",
                Map.of("to", "declined", "on", "2026-03-30", "reason", "No capacity")));
        sweep("2026-03-31");
        assertThat(open(participantId, Rule.onward_referral_stalled)).isEmpty();
    }

    @Test
    void sweeping_twice_changes_nothing_the_second_time() {
        String participantId = teamCase();
        record(participantId, RecordKind.PLAN_ACTIONS, Map.of("dueOn", "2026-03-20"));
        record(participantId, RecordKind.LEGAL_MEASURES, Map.of("until", "2026-04-01"));
        record(participantId, RecordKind.SERVICE_REFERRALS, Map.of("madeOn", "2026-03-02"));
        sweep("2026-03-30");
        Map<Rule, List<StoredAlert>> first = Map.of(
                Rule.plan_action_overdue, alerts(jdbi, participantId, Rule.plan_action_overdue),
                Rule.legal_measure_ending, alerts(jdbi, participantId, Rule.legal_measure_ending),
                Rule.onward_referral_stalled, alerts(jdbi, participantId, Rule.onward_referral_stalled));
        first.values().forEach(alerts -> assertThat(alerts).hasSize(1));
        long emails = first.values().stream()
                .mapToLong(alerts -> SweepSupport.emails(jdbi, alerts.get(0).id()))
                .sum();

        List<Sweep.Outcome> again = sweep("2026-03-30");
        assertThat(again).allSatisfy(outcome -> assertThat(outcome.changedAnything())
                .as(outcome.toString())
                .isFalse());
        first.forEach(
                (rule, alerts) -> assertThat(alerts(jdbi, participantId, rule)).isEqualTo(alerts));
        assertThat(first.values().stream()
                        .mapToLong(alerts ->
                                SweepSupport.emails(jdbi, alerts.get(0).id()))
                        .sum())
                .isEqualTo(emails);
    }

    @Test
    void the_sweeps_lock_is_kept_on_this_database_too() {
        LockConfiguration lock =
                new LockConfiguration(Instant.now(), "sweep-rules-test", Duration.ofMinutes(1), Duration.ZERO);
        JdbiLockProvider other = new JdbiLockProvider(jdbi);
        SimpleLock held = new JdbiLockProvider(jdbi).lock(lock).orElseThrow();
        assertThat(other.lock(lock)).as("held").isEmpty();
        held.unlock();
        other.lock(lock).orElseThrow().unlock();
    }
}
