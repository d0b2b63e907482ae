package org.desist.email;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.desist.DesistApplication;
import org.desist.attention.Rule;
import org.desist.config.DesistConfiguration;
import org.desist.support.ConfigFiles;
import org.desist.support.TestDatabase;
import org.desist.team.TeamRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * An alert raised on a case with a team: the running service sends one email to each member with an address
 * (none to one without), through a real SMTP server in the test JVM, saying only that a case at the site needs
 * attention, with the outbox row's id as the Message-ID.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AlertEmailTest {
    static final int SMTP_PORT = EmailCases.freePort();
    static final GreenMail MAIL = EmailCases.greenMail(SMTP_PORT);

    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived(
                    "test-config.yml",
                    Map.of(
                            "email",
                            "email:\n  host: 127.0.0.1\n  port: " + SMTP_PORT + "\n  from: desist@example.org\n"
                                    + "  startTls: false\n  baseUrl: https://desist.example.org\n"
                                    + "  sendEvery: 100ms\n  digestHour: 23\n")),
            TestDatabase.fresh().overrides());

    /** The alerts' email only: the running service also sends the day's digest once its hour has come. */
    private static List<EmailCases.Received> alertEmails() {
        return EmailCases.received(MAIL).stream()
                .filter(email -> email.subject().startsWith("A case at"))
                .toList();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Test
    void each_team_member_with_an_address_gets_one_content_free_email() throws Exception {
        try (EmailCases cases = new EmailCases(APP)) {
            String participant = cases.newCase("TVS");
            cases.member("kw.adeyemi", TeamRole.key_worker, "TVS", "kw.adeyemi@nhs.example");
            cases.member("ro.barlow", TeamRole.responsible_officer, "TVS", "ro.barlow@probation.example");
            cases.member("adv.choudry", TeamRole.advocate, "TVS", "adv.choudry@advocacy.example");
            cases.member("pc.dunmore", TeamRole.police_contact, "TVS", null);
            cases.allocate(participant, "kw.adeyemi", TeamRole.key_worker);
            cases.allocate(participant, "ro.barlow", TeamRole.responsible_officer);
            cases.allocate(participant, "adv.choudry", TeamRole.advocate);
            cases.allocate(participant, "pc.dunmore", TeamRole.police_contact);

            cases.raise(participant, Rule.incident_recorded);

            assertThat(MAIL.waitForIncomingEmail(15_000, 3)).isTrue();
            List<EmailCases.Received> received = alertEmails();
            assertThat(received)
                    .extracting(EmailCases.Received::to)
                    .containsExactlyInAnyOrder(
                            "kw.adeyemi@nhs.example", "ro.barlow@probation.example", "adv.choudry@advocacy.example");
            List<String> outbox = cases.outboxIds("alert");
            assertThat(outbox).hasSize(3); // the police contact has no address: told in the inbox only
            assertThat(received)
                    .extracting(EmailCases.Received::messageId)
                    .containsExactlyInAnyOrderElementsOf(
                            outbox.stream().map(OutboxDelivery::messageId).collect(Collectors.toList()));

            String caseRef = cases.caseRef(participant);
            for (EmailCases.Received email : received) {
                assertThat(email.subject())
                        .isEqualTo("A case at " + EmailCases.SITE_NAME + " needs your attention in Desist");
                assertThat(email.text())
                        .contains("A case at " + EmailCases.SITE_NAME + " needs your attention in Desist")
                        .contains("https://desist.example.org/alerts");
                String all = (email.subject() + "\n" + email.text()).toLowerCase();
                for (String secret : List.of(
                        EmailCases.GIVEN,
                        EmailCases.FAMILY,
                        caseRef,
                        participant,
                        "1987",
                        "incident",
                        "breach",
                        "unwanted messages",
                        "VA-2026",
                        "investigation",
                        "Patel",
                        "diagnos",
                        "concern",
                        "risk")) {
                    assertThat(all).doesNotContain(secret.toLowerCase());
                }
            }
            Thread.sleep(500); // a few more runs of the sender: nothing is sent twice
            assertThat(alertEmails()).hasSize(3);
            int count = cases.count("SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL");
            assertThat(count).isZero();
        }
    }

    @Test
    void without_a_host_email_is_off_and_said_so_once() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(EmailDispatch.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (EmailCases cases = new EmailCases(APP)) {
            EmailDispatch off = new EmailDispatch(cases.jdbi(), new EmailSettings(), Clock.systemUTC());
            off.start();
            off.stop();
        } finally {
            logger.detachAppender(lines);
        }
        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Email is off: no email.host (DESIST_SMTP_HOST) is set; alerts wait in the inbox,"
                        + " their email in the outbox");
        assertThat(lines.list.get(0).getLevel()).hasToString("INFO");
    }
}
