package org.desist.attention;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.UUID;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.RecordKind;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;

/**
 * Puts people on a case's team by writing case_team rows straight into the app's database, so the attention tests
 * need no team API; and reads the alert rows the API does not show (who else was told, why cleared).
 */
public final class Teams {
    private Teams() {}

    /** The running app's own database, as its configuration names it. */
    public static Jdbi database(DropwizardAppExtension<DesistConfiguration> app) {
        DataSourceFactory running = app.getConfiguration().getDatabase();
        return running.getUser() == null
                ? Jdbi.create(running.getUrl())
                : Jdbi.create(running.getUrl(), running.getUser(), running.getPassword());
    }

    /**
     * For the access matrix: a new case at the site with {@code username} on its team (as the key worker, whatever
     * their role: the matrix is about who may call, not who may be allocated) and an incident recorded by
     * {@code recorder}; the id of the alert the incident raised.
     */
    public static String alertToldTo(
            DropwizardAppExtension<DesistConfiguration> app, Api recorder, String site, String username) {
        Jdbi database = database(app);
        String participantId = new Cases(recorder).participant(site);
        put(database, participantId, username, TeamRole.key_worker);
        Cases.created(
                recorder.post("/participants/" + participantId + "/incidents", RecordKind.INCIDENTS.validBody("")));
        return database.withHandle(handle -> handle.createQuery("SELECT id FROM alert WHERE participant_id = :p")
                .bind("p", participantId)
                .mapTo(String.class)
                .one());
    }

    /** Whether anyone has acknowledged the alert. */
    public static boolean acknowledged(DropwizardAppExtension<DesistConfiguration> app, String alertId) {
        return database(app).withHandle(handle -> handle.createQuery(
                                "SELECT COUNT(*) FROM alert_recipient WHERE alert_id = :id AND acknowledged_at IS NOT NULL")
                        .bind("id", alertId)
                        .mapTo(Integer.class)
                        .one())
                > 0;
    }

    public static void put(Jdbi database, String participantId, String username, TeamRole role) {
        database.useHandle(handle -> handle.createUpdate("INSERT INTO case_team (id, participant_id, username,"
                        + " team_role, from_date, allocated_at, allocated_by) VALUES (:id, :participantId, :username,"
                        + " :role, '2026-02-01', '2026-02-01T09:00:00Z', 'tester')")
                .bind("id", UUID.randomUUID().toString())
                .bind("participantId", participantId)
                .bind("username", username)
                .bind("role", role.name())
                .execute());
    }

    public static void email(Jdbi database, String username, String address) {
        database.useHandle(
                handle -> handle.createUpdate("UPDATE app_user SET email = :email WHERE username = :username")
                        .bind("email", address)
                        .bind("username", username)
                        .execute());
    }

    /** Alerts of the rule on the case, open or cleared. */
    public static int alerts(Jdbi database, String participantId, Rule rule) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT COUNT(*) FROM alert WHERE participant_id = :p AND rule = :rule")
                        .bind("p", participantId)
                        .bind("rule", rule.name())
                        .mapTo(Integer.class)
                        .one());
    }

    /** Why the rule's newest cleared alert on the case was cleared, or null when none is cleared. */
    public static String clearedBecause(Jdbi database, String participantId, Rule rule) {
        return database.withHandle(handle -> handle.createQuery("SELECT cleared_because FROM alert WHERE"
                        + " participant_id = :p AND rule = :rule AND cleared_at IS NOT NULL ORDER BY cleared_at DESC")
                .bind("p", participantId)
                .bind("rule", rule.name())
                .mapTo(String.class)
                .findFirst()
                .orElse(null));
    }

    public static int emails(Jdbi database, String username) {
        return database.withHandle(
                handle -> handle.createQuery("SELECT COUNT(*) FROM email_outbox WHERE username = :u AND kind = 'alert'")
                        .bind("u", username)
                        .mapTo(Integer.class)
                        .one());
    }

    /** An open alert written directly, as the sweep would raise it. */
    public static void raisedBySweep(
            Jdbi database, String participantId, Rule rule, String recordType, String recordId) {
        database.useHandle(handle -> handle.createUpdate("INSERT INTO alert (id, participant_id, site_code, rule,"
                        + " record_type, record_id, occurred_on, raised_at) SELECT :id, p.id, p.site_code, :rule,"
                        + " :type, :recordId, '2026-02-01', '2026-02-03T09:00:00Z' FROM participant p WHERE p.id = :p")
                .bind("id", UUID.randomUUID().toString())
                .bind("p", participantId)
                .bind("rule", rule.name())
                .bind("type", recordType)
                .bind("recordId", recordId)
                .execute());
    }
}
