package org.desist.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.support.Cases.created;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.desist.DesistApplication;
import org.desist.attention.sweep.JdbiLockProvider;
import org.desist.attention.sweep.SweepSchedule;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.ConfigFiles;
import org.desist.support.RecordKind;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.desist.team.TeamRole;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the service on one PostgreSQL database, each sweeping every second: both try every turn, the
 * lock lets one through at a time (and holds the others off for most of a period), a lock held elsewhere stops
 * both, and the case ends with one alert per rule, each told once.
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIfEnvironmentVariable(
        named = "DESIST_TEST_POSTGRES_URL",
        matches = ".+",
        disabledReason = "several instances share a database only on PostgreSQL")
class SweepLockTest {
    private static final Duration EVERY = Duration.ofSeconds(1);
    private static final TestDatabase DATABASE = TestDatabase.fresh();
    private static final String CONFIG =
            ConfigFiles.derived("test-config.yml", Map.of("attention", "attention:\n  sweepEvery: 1s\n"));
    static final DropwizardAppExtension<DesistConfiguration> FIRST =
            new DropwizardAppExtension<>(DesistApplication.class, CONFIG, DATABASE.overrides());
    static final DropwizardAppExtension<DesistConfiguration> SECOND =
            new DropwizardAppExtension<>(DesistApplication.class, CONFIG, DATABASE.overrides());

    private static SweepSchedule scheduleOf(DropwizardAppExtension<DesistConfiguration> app) {
        return app.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance)
                .map(managed -> ((JettyManaged) managed).getManaged())
                .filter(SweepSchedule.class::isInstance)
                .map(SweepSchedule.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static LockConfiguration sweepLock(Duration atMost) {
        return new LockConfiguration(Instant.now(), "attention-sweep", atMost, Duration.ZERO);
    }

    @Test
    void the_lock_lets_one_holder_through_at_a_time() throws Exception {
        Jdbi jdbi = SweepSupport.jdbiOf(FIRST);
        JdbiLockProvider one = new JdbiLockProvider(jdbi);
        JdbiLockProvider other = new JdbiLockProvider(SweepSupport.jdbiOf(SECOND));
        LockConfiguration lock =
                new LockConfiguration(Instant.now(), "sweep-lock-test", Duration.ofMinutes(1), Duration.ZERO);
        Optional<SimpleLock> held = one.lock(lock);
        assertThat(held).isPresent();
        assertThat(other.lock(lock)).as("held by the first").isEmpty();
        assertThat(one.lock(lock)).as("not reentrant either").isEmpty();
        held.get().unlock();
        Optional<SimpleLock> taken = other.lock(lock);
        assertThat(taken).as("free again").isPresent();
        taken.get().unlock();
    }

    @Test
    void both_instances_try_every_turn_one_sweeps_at_a_time_and_no_alert_is_doubled() throws Exception {
        Jdbi jdbi = SweepSupport.jdbiOf(FIRST);
        Api api = TestApp.api(FIRST);
        Cases cases = new Cases(api);
        cases.site("LCK");
        Staff.ensure(FIRST, "kw.lock", Set.of(Role.clinician), Set.of("LCK"));
        Staff.ensure(FIRST, "ro.lock", Set.of(Role.probation), Set.of("LCK"));
        SweepSupport.email(jdbi, "kw.lock", "kw.lock@example.org");

        // the test holds the sweep's lock: neither instance may sweep while it does
        JdbiLockProvider test = new JdbiLockProvider(jdbi);
        SimpleLock held = null;
        for (int i = 0; i < 100 && held == null; i++) {
            held = test.lock(sweepLock(Duration.ofSeconds(30))).orElse(null);
            if (held == null) {
                Thread.sleep(50);
            }
        }
        assertThat(held).as("the lock, between two sweeps").isNotNull();
        int runsBefore =
                scheduleOf(FIRST).runs().size() + scheduleOf(SECOND).runs().size();
        long firstTries = scheduleOf(FIRST).attempts();
        long secondTries = scheduleOf(SECOND).attempts();

        String participantId = cases.participant("LCK");
        SweepSupport.allocate(jdbi, participantId, "kw.lock", TeamRole.key_worker, "2026-02-01");
        SweepSupport.allocate(jdbi, participantId, "ro.lock", TeamRole.responsible_officer, "2026-02-01");
        record(api, participantId, RecordKind.PLAN_ACTIONS, Map.of("dueOn", "2026-03-20"));
        record(api, participantId, RecordKind.SERVICE_REFERRALS, Map.of("madeOn", "2026-03-02"));
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        record(
                api,
                participantId,
                RecordKind.LEGAL_MEASURES,
                Map.of("until", today.plusDays(7).toString()));
        Thread.sleep(2_500);

        assertThat(scheduleOf(FIRST).attempts()).as("the first tried").isGreaterThan(firstTries);
        assertThat(scheduleOf(SECOND).attempts()).as("the second tried").isGreaterThan(secondTries);
        assertThat(scheduleOf(FIRST).runs().size() + scheduleOf(SECOND).runs().size())
                .as("neither swept while the lock was held elsewhere")
                .isEqualTo(runsBefore);
        assertThat(openAlerts(jdbi, participantId)).isEmpty();

        held.unlock();
        List<Rule> rules = List.of(Rule.plan_action_overdue, Rule.onward_referral_stalled, Rule.legal_measure_ending);
        Instant deadline = Instant.now().plusSeconds(20);
        while (openAlerts(jdbi, participantId).size() < rules.size()
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(4_000); // more turns on both, each finding nothing more to do

        for (Rule rule : rules) {
            List<SweepSupport.StoredAlert> alerts = SweepSupport.alerts(jdbi, participantId, rule);
            assertThat(alerts).as(rule.name()).hasSize(1);
            assertThat(alerts.get(0).cleared()).isNull();
            assertThat(SweepSupport.recipients(jdbi, alerts.get(0).id())).containsExactly("kw.lock", "ro.lock");
            assertThat(SweepSupport.emails(jdbi, alerts.get(0).id()))
                    .as("one email, to kw.lock")
                    .isEqualTo(1);
        }

        List<SweepSchedule.Run> runs = new ArrayList<>(scheduleOf(FIRST).runs());
        runs.addAll(scheduleOf(SECOND).runs());
        runs.sort(Comparator.comparing(SweepSchedule.Run::began));
        assertThat(runs.size()).as("swept, after the lock was let go").isGreaterThan(runsBefore);
        // one at a time, and the next not before four fifths of a period (lockAtLeastFor) after the last began
        Duration atLeast = EVERY.multipliedBy(4).dividedBy(5).minusMillis(100);
        for (int i = 1; i < runs.size(); i++) {
            SweepSchedule.Run before = runs.get(i - 1);
            SweepSchedule.Run after = runs.get(i);
            assertThat(after.began())
                    .as("run %d began after run %d ended", i, i - 1)
                    .isAfterOrEqualTo(before.ended());
            assertThat(Duration.between(before.began(), after.began()))
                    .as("runs %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(atLeast);
        }
    }

    private static JsonNode record(Api api, String participantId, RecordKind kind, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(kind.validBody(""));
        body.putAll(changes);
        return created(api.post("/participants/" + participantId + "/" + kind.path, body));
    }

    private static List<String> openAlerts(Jdbi jdbi, String participantId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT rule FROM alert WHERE participant_id = :id AND cleared_at IS NULL")
                        .bind("id", participantId)
                        .mapTo(String.class)
                        .list());
    }
}
