package org.desist.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.List;
import org.desist.attention.Rule;
import org.desist.config.DesistConfiguration;
import org.desist.support.TestApp;
import org.desist.team.TeamRole;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily digest at email.digestHour, Europe/London (07:00 here: 07:00 UTC in winter, 06:00 UTC in summer):
 * once per user per day, however often and on however many instances it is tried, to accounts with an address
 * and alerts open for them, listing those cases by reference only.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DigestTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void one_digest_per_user_and_day_from_the_local_hour_listing_case_references_only() throws Exception {
        int port = EmailCases.freePort();
        GreenMail mail = EmailCases.greenMail(port);
        try (EmailCases cases = new EmailCases(APP)) {
            String first = cases.newCase("DIG");
            String second = cases.newCase("DIG");
            cases.member("kw.digest", TeamRole.key_worker, "DIG", "kw.digest@nhs.example");
            cases.member("ro.digest", TeamRole.responsible_officer, "DIG", "ro.digest@probation.example");
            cases.member("adv.digest", TeamRole.advocate, "DIG", null);
            for (String participant : List.of(first, second)) {
                cases.allocate(participant, "kw.digest", TeamRole.key_worker);
                cases.allocate(participant, "adv.digest", TeamRole.advocate);
            }
            cases.allocate(first, "ro.digest", TeamRole.responsible_officer);
            cases.raise(first, Rule.incident_recorded);
            cases.raise(second, Rule.victim_safety_concern);
            // the responsible officer acknowledged theirs: nothing open for them, so no digest
            cases.jdbi()
                    .useHandle(handle -> handle.execute("UPDATE alert_recipient SET acknowledged_at ="
                            + " '2026-03-01T09:00:00.000000Z', acknowledgement = 'seen' WHERE username = 'ro.digest'"));
            cases.settle(); // the alerts' own emails are not what this test is about

            MovingClock clock = new MovingClock(Instant.parse("2026-01-14T06:59:59Z")); // 06:59:59 GMT
            Digests digests = new Digests(cases.jdbi(), 7, clock);
            Digests onAnotherInstance = new Digests(cases.jdbi(), 7, clock);
            assertThat(digests.queueDue()).isZero();
            clock.set(Instant.parse("2026-01-14T07:00:00Z"));
            assertThat(digests.queueDue()).isEqualTo(1);
            assertThat(digests.queueDue()).isZero();
            clock.set(Instant.parse("2026-01-14T23:59:00Z"));
            assertThat(onAnotherInstance.queueDue()).isZero();
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox WHERE kind = 'digest'"
                            + " AND username = 'kw.digest' AND digest_day = '2026-01-14'"))
                    .isEqualTo(1);

            EmailSettings settings = EmailCases.settings(port);
            OutboxDelivery sender = new OutboxDelivery(cases.jdbi(), new SmtpMailer(settings), settings, clock);
            assertThat(sender.deliverDue()).isEqualTo(1);
            List<EmailCases.Received> received = EmailCases.received(mail);
            assertThat(received).hasSize(1);
            EmailCases.Received digest = received.get(0);
            assertThat(digest.to()).isEqualTo("kw.digest@nhs.example");
            assertThat(digest.subject()).isEqualTo("Your open alerts in Desist");
            assertThat(digest.messageId())
                    .isEqualTo(
                            OutboxDelivery.messageId(cases.outboxIds("digest").get(0)));
            assertThat(digest.text())
                    .contains(cases.caseRef(first), cases.caseRef(second), "https://desist.example.org/alerts");
            String text = digest.text().toLowerCase();
            for (String secret : List.of(
                    EmailCases.GIVEN, EmailCases.FAMILY, first, second, "incident", "victim", "concern", "risk")) {
                assertThat(text).doesNotContain(secret.toLowerCase());
            }

            // the next day, in summer time: 07:00 in London is 06:00 UTC
            clock.set(Instant.parse("2026-07-01T05:59:59Z"));
            assertThat(digests.queueDue()).isZero();
            clock.set(Instant.parse("2026-07-01T06:00:00Z"));
            assertThat(digests.queueDue()).isEqualTo(1);

            // by sending, every alert was acknowledged: the digest is dropped, not sent empty
            cases.jdbi()
                    .useHandle(handle -> handle.execute("UPDATE alert_recipient SET acknowledged_at ="
                            + " '2026-07-01T06:00:30.000000Z', acknowledgement = 'seen' WHERE username = 'kw.digest'"));
            clock.set(Instant.parse("2026-07-01T06:01:00Z"));
            assertThat(sender.deliverDue()).isZero();
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(cases.count("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL"))
                    .isZero();
        } finally {
            mail.stop();
        }
    }
}
