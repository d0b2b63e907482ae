package org.desist.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad input to the retention endpoints is refused (4xx problem+json naming the field and the reason) and
 * changes nothing; unknown ids are 404; illegal moves (an open case, one not due, a hold lifted twice) are 409. The
 * configured periods must be positive.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetentionValidationTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "RETV";

    static Api tester;
    static Api dpo;
    /** Closed in 2018 by the daily review: long due. */
    static String due;

    @BeforeAll
    static void aCaseLongDue() {
        tester = TestApp.api(APP);
        new Cases(tester).site(SITE);
        Staff.ensure(APP, "dpo", Set.of(Role.dpo), Set.of());
        dpo = TestApp.as(APP, "dpo");
        due = closed("2018-01-01", "2018-01-02");
    }

    static String closed(String receivedOn, String reviewedOn) {
        JsonNode referral = Cases.created(tester.post("/referrals", Cases.referral(SITE, receivedOn, "Old", "Case")));
        Cases.ok(tester.post(
                "/referrals/" + referral.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        reviewedOn,
                        "priority",
                        "standard",
                        "decision",
                        "no_further_action",
                        "reason",
                        "Daily review")));
        return referral.get("participantId").asText();
    }

    static String tomorrow() {
        return LocalDate.now(ProgrammeClock.system()).plusDays(1).toString();
    }

    private static Reply decide(String id, Map<String, Object> body) {
        return dpo.post("/participants/" + id + "/retention-decisions", body);
    }

    private static void assertRefused(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).contains(field);
        assertUndecided();
    }

    private static void assertUndecided() {
        JsonNode item = RetentionStoryTest.queued(dpo, due);
        assertThat(item).as("still due").isNotNull();
        assertThat(item.get("lastDecision").isNull()).as("no decision recorded").isTrue();
    }

    @Test
    void a_decision_needs_a_known_kind() {
        assertRefused(decide(due, Map.of()), 422, "decision");
        Reply unknown = decide(due, Map.of("decision", "keep"));
        assertThat(unknown.status()).as(unknown.toString()).isBetween(400, 422);
        assertThat(unknown.text()).contains("decision");
        assertUndecided();
    }

    @Test
    void retain_needs_a_day_after_today_and_a_reason() {
        assertRefused(decide(due, Map.of("decision", "retain", "reason", "Claim pending")), 422, "until");
        String today = LocalDate.now(ProgrammeClock.system()).toString();
        assertRefused(
                decide(due, Map.of("decision", "retain", "until", today, "reason", "Claim pending")), 422, "until");
        assertRefused(
                decide(due, Map.of("decision", "retain", "until", "2020-01-01", "reason", "Claim pending")),
                422,
                "until");
        Reply notADay = decide(due, Map.of("decision", "retain", "until", "2031-02-30", "reason", "Claim pending"));
        assertThat(notADay.status()).as(notADay.toString()).isBetween(400, 422);
        assertThat(notADay.text()).contains("until");
        assertRefused(decide(due, Map.of("decision", "retain", "until", tomorrow())), 422, "reason");
        assertRefused(decide(due, Map.of("decision", "retain", "until", tomorrow(), "reason", "  ")), 422, "reason");
        assertRefused(
                decide(due, Map.of("decision", "retain", "until", tomorrow(), "reason", "x".repeat(2001))),
                422,
                "reason");
    }

    @Test
    void dispose_takes_neither_a_day_nor_a_reason() {
        assertRefused(decide(due, Map.of("decision", "dispose", "until", tomorrow())), 422, "until");
        assertRefused(decide(due, Map.of("decision", "dispose", "reason", "Time's up")), 422, "reason");
    }

    @Test
    void unknown_cases_are_404_and_cases_open_or_not_due_are_409() {
        Map<String, Object> dispose = Map.of("decision", "dispose");
        assertThat(decide("no-such-participant", dispose).status()).isEqualTo(404);
        String open = Cases.created(tester.post("/referrals", Cases.referral(SITE, "2018-03-01", "Still", "Open")))
                .get("participantId")
                .asText();
        Reply refusedOpen = decide(open, dispose);
        assertThat(refusedOpen.status()).as(refusedOpen.toString()).isEqualTo(409);
        assertThat(refusedOpen.json().get("detail").asText()).contains("is open");
        String recent = closed("2026-02-01", "2026-02-02");
        Reply refusedRecent = decide(recent, dispose);
        assertThat(refusedRecent.status()).as(refusedRecent.toString()).isEqualTo(409);
        assertThat(refusedRecent.json().get("detail").asText())
                .contains("not due for review until "
                        + LocalDate.parse("2026-02-02").plusYears(6));
        assertThat(RetentionStoryTest.queued(dpo, recent)).isNull();
        assertThat(RetentionStoryTest.queued(dpo, open)).isNull();
    }

    @Test
    void a_hold_needs_a_reason_and_is_lifted_once() {
        String held = closed("2018-02-01", "2018-02-02");
        String holds = "/participants/" + held + "/legal-holds";
        Reply missing = dpo.post(holds, Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.fieldsAtFault()).contains("reason");
        Map<String, Object> blank = new HashMap<>();
        blank.put("reason", " ");
        assertThat(dpo.post(holds, blank).fieldsAtFault()).contains("reason");
        assertThat(dpo.post(holds, Map.of("reason", "x".repeat(2001))).fieldsAtFault())
                .contains("reason");
        assertThat(RetentionStoryTest.queued(dpo, held).get("legalHold").asBoolean())
                .as("no hold placed by a refused request")
                .isFalse();
        assertThat(dpo.post("/participants/no-such-participant/legal-holds", Map.of("reason", "Claim"))
                        .status())
                .isEqualTo(404);

        String hold = Cases.created(dpo.post(holds, Map.of("reason", "Claim pending")))
                .get("id")
                .asText();
        assertThat(dpo.post(holds + "/no-such-hold/lift", null).status()).isEqualTo(404);
        assertThat(dpo.post("/participants/" + due + "/legal-holds/" + hold + "/lift", null)
                        .status())
                .as("a hold is lifted under its own case")
                .isEqualTo(404);
        Reply dispose = decide(held, Map.of("decision", "dispose"));
        assertThat(dispose.status()).isEqualTo(409);
        assertThat(dispose.json().get("detail").asText()).contains(hold);
        JsonNode lifted = Cases.ok(dpo.post(holds + "/" + hold + "/lift", null));
        assertThat(lifted.get("liftedBy").asText()).isEqualTo("dpo");
        assertThat(dpo.post(holds + "/" + hold + "/lift", null).status()).isEqualTo(409);
    }

    /**
     * Two disposals of one case at once, and a hold placed while a disposal runs: the participant's row lock settles
     * each at the database, one wins and the other is 409 (on PostgreSQL they truly overlap; SQLite queues them).
     */
    @Test
    void races_are_settled_at_the_database_with_409_for_the_loser() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            String twice = closed("2018-04-01", "2018-04-02");
            Map<String, Object> dispose = Map.of("decision", "dispose");
            java.util.concurrent.Future<Reply> first = pool.submit(() -> decide(twice, dispose));
            java.util.concurrent.Future<Reply> second = pool.submit(() -> decide(twice, dispose));
            assertThat(java.util.List.of(first.get().status(), second.get().status()))
                    .containsExactlyInAnyOrder(201, 409);

            String contested = closed("2018-05-01", "2018-05-02");
            java.util.concurrent.Future<Reply> disposal = pool.submit(() -> decide(contested, dispose));
            java.util.concurrent.Future<Reply> hold = pool.submit(
                    () -> dpo.post("/participants/" + contested + "/legal-holds", Map.of("reason", "Claim pending")));
            assertThat(java.util.List.of(disposal.get().status(), hold.get().status()))
                    .as("either the hold came first and blocked the disposal, or the disposal left nothing to hold")
                    .containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_configured_periods_must_be_positive() {
        Validator validator = io.dropwizard.jersey.validation.Validators.newValidator();
        RetentionSettings settings = new RetentionSettings();
        assertThat(validator.validate(settings)).isEmpty();
        assertThat(settings.periodOf(RecordClass.enrolled)).isEqualTo(Period.ofYears(6));
        assertThat(settings.periodOf(RecordClass.not_enrolled)).isEqualTo(Period.ofYears(6));
        for (Period bad : new Period[] {Period.ZERO, Period.ofYears(-1), Period.of(6, 0, -1)}) {
            RetentionSettings wrong = new RetentionSettings();
            wrong.setNotEnrolled(bad);
            assertThat(validator.validate(wrong)).as(bad.toString()).isNotEmpty();
        }
        RetentionSettings missing = new RetentionSettings();
        missing.setEnrolled(null);
        assertThat(validator.validate(missing)).isNotEmpty();
    }
}
