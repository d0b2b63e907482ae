package org.desist.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;

/**
 * What the email tests share: the app's database through a Jdbi of the app's own configuration, a case with a
 * team put straight into case_team (the team API is built elsewhere), alerts raised as the service raises them
 * (Alerts.raise in a transaction), and a GreenMail on a port of its own.
 */
final class EmailCases implements AutoCloseable {
    static final String SITE_NAME = "Thames Valley STAC";
    static final String GIVEN = "Marguerite";
    static final String FAMILY = "Oyelaran-Fitzwilliam";

    private final Databases.Opened database;
    private final DropwizardAppExtension<DesistConfiguration> app;

    EmailCases(DropwizardAppExtension<DesistConfiguration> app) {
        this.app = app;
        DataSourceFactory running = app.getConfiguration().getDatabase();
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(running.getDriverClass());
        factory.setUrl(running.getUrl());
        factory.setUser(running.getUser());
        factory.setPassword(running.getPassword());
        try {
            this.database = Databases.open(factory, false, "email-test");
        } catch (Exception e) {
            throw new IllegalStateException("Could not open the app's database", e);
        }
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** The site (once) and a new case at it, by a referral naming a person the email must never name. */
    String newCase(String siteCode) {
        Api api = TestApp.api(app);
        if (api.get("/sites/" + siteCode).status() == 404) {
            Cases.created(api.post(
                    "/sites", Map.of("code", siteCode, "name", SITE_NAME, "model", "threat_assessment_centre")));
        }
        JsonNode referral =
                Cases.created(api.post("/referrals", Cases.referral(siteCode, "2026-02-01", GIVEN, FAMILY)));
        return referral.get("participantId").asText();
    }

    String caseRef(String participantId) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT case_ref FROM participant WHERE id = :id")
                .bind("id", participantId)
                .mapTo(String.class)
                .one());
    }

    /** An account of the team role's Desist role at the site, with {@code email} (null: none). */
    void member(String username, TeamRole role, String siteCode, String email) {
        Staff.ensure(app, username, Set.of(role.heldBy()), Set.of(siteCode));
        jdbi().useHandle(handle -> handle.createUpdate("UPDATE app_user SET email = :email WHERE username = :username")
                .bind("email", email)
                .bind("username", username)
                .execute());
    }

    void allocate(String participantId, String username, TeamRole role) {
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO case_team (id, participant_id, username, team_role,"
                        + " from_date, allocated_at, allocated_by) VALUES (:id, :participantId, :username, :role,"
                        + " :from, :at, 'tester')")
                .bind("id", UUID.randomUUID().toString())
                .bind("participantId", participantId)
                .bind("username", username)
                .bind("role", role.name())
                .bind("from", LocalDate.of(2026, 2, 2))
                .bind("at", Instant.now())
                .execute());
    }

    /** Raises the rule's alert as the service does, inside a transaction; its id. */
    String raise(String participantId, Rule rule) {
        return raise(participantId, rule, Instant.now());
    }

    String raise(String participantId, Rule rule, Instant at) {
        return jdbi().inTransaction(handle -> Alerts.raise(
                        handle,
                        participantId,
                        rule,
                        new Alerts.Cause("incident", UUID.randomUUID().toString(), LocalDate.of(2026, 3, 1)),
                        at))
                .orElseThrow();
    }

    List<String> outboxIds(String kind) {
        return jdbi().withHandle(
                        handle -> handle.createQuery("SELECT id FROM email_outbox WHERE kind = :kind ORDER BY id")
                                .bind("kind", kind)
                                .mapTo(String.class)
                                .list());
    }

    /** The outbox rows of the case's alerts. */
    List<String> outboxIdsOf(String participantId) {
        return jdbi().withHandle(handle -> handle.createQuery("SELECT o.id FROM email_outbox o JOIN alert a"
                        + " ON a.id = o.alert_id WHERE a.participant_id = :participantId ORDER BY o.id")
                .bind("participantId", participantId)
                .mapTo(String.class)
                .list());
    }

    /** Every row queued so far counts as sent: a test method starts from an empty queue in a shared database. */
    void settle() {
        jdbi().useHandle(
                        handle -> handle.execute("UPDATE email_outbox SET sent_at = created_at WHERE sent_at IS NULL"));
    }

    int count(String sql) {
        return jdbi().withHandle(
                        handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Override
    public void close() throws Exception {
        database.close();
    }

    /** Settings of a sender to GreenMail on {@code port}: plain SMTP on loopback, quick retries. */
    static EmailSettings settings(int port) {
        EmailSettings settings = new EmailSettings();
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        settings.setFrom("desist@example.org");
        settings.setStartTls(false);
        settings.setBaseUrl("https://desist.example.org/");
        return settings;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GreenMail greenMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Each message as recipient, Message-ID, subject and text. */
    record Received(String to, String messageId, String subject, String text) {}

    static List<Received> received(GreenMail mail) {
        List<Received> all = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                all.add(new Received(
                        message.getAllRecipients()[0].toString(),
                        message.getMessageID(),
                        message.getSubject(),
                        String.valueOf(message.getContent())));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }
}
