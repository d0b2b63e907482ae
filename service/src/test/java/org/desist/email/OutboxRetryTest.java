package org.desist.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.desist.attention.Rule;
import org.desist.config.DesistConfiguration;
import org.desist.support.TestApp;
import org.desist.team.TeamRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SMTP down means delayed, never lost, never doubled: the sender is driven here with a clock of the test's own
 * against the app's database (the app itself runs with email off), and GreenMail is stopped mid-run and started
 * again. What the recipients see, across both servers' lifetimes, is each email exactly once.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class OutboxRetryTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void an_smtp_server_down_mid_run_delays_email_and_each_arrives_exactly_once() throws Exception {
        int port = EmailCases.freePort();
        List<EmailCases.Received> seen = new ArrayList<>();
        try (EmailCases cases = new EmailCases(APP)) {
            String participant = cases.newCase("RTY");
            cases.member("kw.retry", TeamRole.key_worker, "RTY", "kw.retry@nhs.example");
            cases.member("ro.retry", TeamRole.responsible_officer, "RTY", "ro.retry@probation.example");
            cases.allocate(participant, "kw.retry", TeamRole.key_worker);
            cases.allocate(participant, "ro.retry", TeamRole.responsible_officer);
            cases.settle();
            MovingClock clock = new MovingClock(Instant.parse("2026-03-02T10:00:00Z"));
            EmailSettings settings = EmailCases.settings(port);
            OutboxDelivery sender = new OutboxDelivery(cases.jdbi(), new SmtpMailer(settings), settings, clock);

            GreenMail first = EmailCases.greenMail(port);
            cases.raise(participant, Rule.incident_recorded, clock.instant());
            clock.advance(Duration.ofSeconds(1));
            assertThat(sender.deliverDue()).isEqualTo(2);
            seen.addAll(EmailCases.received(first));
            first.stop();

            // the server goes away; two more alerts are raised and cannot be sent
            cases.raise(participant, Rule.session_concern, clock.instant());
            cases.raise(participant, Rule.victim_safety_concern, clock.instant());
            clock.advance(Duration.ofSeconds(1));
            Instant failedAt = clock.instant();
            assertThat(sender.deliverDue()).isZero();
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL AND attempts = 1"
                            + " AND last_error IS NOT NULL AND claimed_until IS NULL"))
                    .isEqualTo(4);
            // not due again before the first wait (1 minute) is over, then twice as long after the second failure
            clock.advance(Duration.ofSeconds(59));
            assertThat(sender.deliverDue()).isZero();
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL AND attempts = 1"))
                    .isEqualTo(4);
            clock.set(failedAt.plus(Duration.ofMinutes(1)));
            assertThat(sender.deliverDue()).isZero();
            assertThat(nextAttempts(cases)).containsOnly(failedAt.plus(Duration.ofMinutes(3)));
            clock.set(failedAt.plus(Duration.ofMinutes(2)));
            assertThat(sender.deliverDue()).isZero(); // still waiting: the server is back, the row not yet due

            GreenMail second = EmailCases.greenMail(port);
            try {
                clock.set(failedAt.plus(Duration.ofMinutes(3)));
                assertThat(sender.deliverDue()).isEqualTo(4);
                clock.advance(Duration.ofHours(2));
                assertThat(sender.deliverDue()).isZero();
                seen.addAll(EmailCases.received(second));
            } finally {
                second.stop();
            }

            List<String> outbox = cases.outboxIdsOf(participant);
            assertThat(outbox).hasSize(6);
            assertThat(seen).hasSize(6);
            Map<String, Long> perMessage = seen.stream()
                    .collect(Collectors.groupingBy(r -> r.to() + " " + r.messageId(), Collectors.counting()));
            assertThat(perMessage.values()).containsOnly(1L);
            assertThat(seen)
                    .extracting(EmailCases.Received::messageId)
                    .containsExactlyInAnyOrderElementsOf(
                            outbox.stream().map(OutboxDelivery::messageId).toList());
            assertThat(seen.stream().filter(r -> r.to().startsWith("kw.")).count())
                    .isEqualTo(3);
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL"))
                    .isZero();
        }
    }

    @Test
    void a_resend_after_a_crash_carries_the_same_message_id_so_the_recipient_sees_it_once() throws Exception {
        int port = EmailCases.freePort();
        GreenMail mail = EmailCases.greenMail(port);
        try (EmailCases cases = new EmailCases(APP)) {
            String participant = cases.newCase("CRS");
            cases.member("kw.crash", TeamRole.key_worker, "CRS", "kw.crash@nhs.example");
            cases.allocate(participant, "kw.crash", TeamRole.key_worker);
            cases.settle();
            MovingClock clock = new MovingClock(Instant.parse("2026-03-03T10:00:00Z"));
            EmailSettings settings = EmailCases.settings(port);
            OutboxDelivery sender = new OutboxDelivery(cases.jdbi(), new SmtpMailer(settings), settings, clock);
            String alert = cases.raise(participant, Rule.incident_recorded, clock.instant());
            clock.advance(Duration.ofSeconds(1));
            assertThat(sender.deliverDue()).isEqualTo(1);
            // the instance died after sending and before recording it: the row is due again once its claim ran out
            cases.jdbi().useHandle(handle -> handle.createUpdate("UPDATE email_outbox SET sent_at = NULL,"
                            + " claimed_until = :until WHERE alert_id = :alert")
                    .bind("until", clock.instant().plus(Duration.ofMinutes(2)))
                    .bind("alert", alert)
                    .execute());
            assertThat(sender.deliverDue()).isZero(); // its claim still holds
            clock.advance(Duration.ofMinutes(2));
            assertThat(sender.deliverDue()).isEqualTo(1);

            List<EmailCases.Received> seen = EmailCases.received(mail);
            assertThat(seen).hasSize(2);
            Set<String> ids = seen.stream().map(EmailCases.Received::messageId).collect(Collectors.toSet());
            assertThat(ids)
                    .containsExactly(OutboxDelivery.messageId(
                            cases.outboxIdsOf(participant).get(0)));
        } finally {
            mail.stop();
        }
    }

    @Test
    void two_senders_at_once_never_send_one_row_twice() throws Exception {
        int port = EmailCases.freePort();
        GreenMail mail = EmailCases.greenMail(port);
        try (EmailCases cases = new EmailCases(APP)) {
            String participant = cases.newCase("TWO");
            List<String> members = List.of("kw.two", "ro.two", "adv.two", "pc.two", "cps.two");
            List<TeamRole> roles = List.of(TeamRole.values());
            for (int i = 0; i < members.size(); i++) {
                cases.member(members.get(i), roles.get(i), "TWO", members.get(i) + "@example.org");
                cases.allocate(participant, members.get(i), roles.get(i));
            }
            cases.settle();
            for (Rule rule : List.of(Rule.incident_recorded, Rule.session_concern, Rule.victim_safety_concern)) {
                cases.raise(participant, rule);
            }
            List<String> outbox = cases.outboxIdsOf(participant);
            assertThat(outbox).hasSize(15);
            MovingClock clock = new MovingClock(Instant.now().plusSeconds(1));
            EmailSettings settings = EmailCases.settings(port);
            Function<Integer, OutboxDelivery> instance =
                    n -> new OutboxDelivery(cases.jdbi(), new SmtpMailer(settings), settings, clock);
            OutboxDelivery one = instance.apply(1);
            OutboxDelivery other = instance.apply(2);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> awaitThen(together, one));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> awaitThen(together, other));
            assertThat(a.get() + b.get()).isEqualTo(15);

            List<EmailCases.Received> seen = EmailCases.received(mail);
            assertThat(seen).hasSize(15);
            assertThat(new HashSet<>(
                            seen.stream().map(EmailCases.Received::messageId).toList()))
                    .containsExactlyInAnyOrderElementsOf(
                            outbox.stream().map(OutboxDelivery::messageId).toList());
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox o JOIN alert a ON a.id = o.alert_id"
                            + " WHERE o.attempts <> 1 AND a.participant_id = '" + participant + "'"))
                    .isZero();
        } finally {
            mail.stop();
        }
    }

    private static int awaitThen(CyclicBarrier together, OutboxDelivery sender) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return sender.deliverDue();
    }

    private static List<Instant> nextAttempts(EmailCases cases) {
        return cases.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT next_attempt_at FROM email_outbox WHERE sent_at IS NULL")
                .mapTo(Instant.class)
                .list());
    }
}
