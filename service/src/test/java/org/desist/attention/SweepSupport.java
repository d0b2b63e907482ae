package org.desist.attention;

import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.db.Dialect;
import org.desist.team.TeamRole;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * For the sweep's tests: a Jdbi on the running app's own pool, team allocations written straight into case_team
 * (the team API is built elsewhere), fixed clocks, and the alerts as stored.
 */
final class SweepSupport {
    private SweepSupport() {}

    static Jdbi jdbiOf(DropwizardAppExtension<DesistConfiguration> app) {
        ManagedDataSource pool = app.getEnvironment().lifecycle().getManagedObjects().stream()
                .filter(JettyManaged.class::isInstance)
                .map(managed -> ((JettyManaged) managed).getManaged())
                .filter(ManagedDataSource.class::isInstance)
                .map(ManagedDataSource.class::cast)
                .findFirst()
                .orElseThrow();
        return Databases.configure(
                Jdbi.create(pool).installPlugin(new SqlObjectPlugin()),
                Dialect.of(app.getConfiguration().getDatabase()));
    }

    /**
     * An open allocation of the account to the case, from the given day, in place of the part's holder (the daily
     * review's acceptance makes its clinician the key worker).
     */
    static void allocate(Jdbi jdbi, String participantId, String username, TeamRole role, String from) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE case_team SET ended_at = '2026-01-01T00:00:00.000000Z',"
                        + " ended_by = 'tester', to_date = from_date WHERE participant_id = :participantId"
                        + " AND team_role = :role AND ended_at IS NULL")
                .bind("participantId", participantId)
                .bind("role", role.name())
                .execute());
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO case_team (id, participant_id, username, team_role,"
                        + " from_date, allocated_at, allocated_by) VALUES (:id, :participantId, :username, :role,"
                        + " :from, '2026-01-01T00:00:00.000000Z', 'tester')")
                .bind("id", UUID.randomUUID().toString())
                .bind("participantId", participantId)
                .bind("username", username)
                .bind("role", role.name())
                .bind("from", from)
                .execute());
    }

    static void email(Jdbi jdbi, String username, String address) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE app_user SET email = :email WHERE username = :username")
                .bind("email", address)
                .bind("username", username)
                .execute());
    }

    /** Nine in the morning of that day in London. */
    static Clock on(String day) {
        return Clock.fixed(
                LocalDate.parse(day)
                        .atTime(LocalTime.of(9, 0))
                        .atZone(ProgrammeClock.ZONE)
                        .toInstant(),
                ProgrammeClock.ZONE);
    }

    record StoredAlert(String id, String rule, String recordType, String recordId, String occurredOn, String cleared) {}

    static List<StoredAlert> alerts(Jdbi jdbi, String participantId, Rule rule) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, rule, record_type, record_id, occurred_on,"
                        + " cleared_because FROM alert WHERE participant_id = :participantId AND rule = :rule"
                        + " ORDER BY raised_at, id")
                .bind("participantId", participantId)
                .bind("rule", rule.name())
                .map((rs, context) -> new StoredAlert(
                        rs.getString("id"),
                        rs.getString("rule"),
                        rs.getString("record_type"),
                        rs.getString("record_id"),
                        rs.getString("occurred_on"),
                        rs.getString("cleared_because")))
                .list());
    }

    static List<String> recipients(Jdbi jdbi, String alertId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT username FROM alert_recipient WHERE alert_id = :id ORDER BY username")
                .bind("id", alertId)
                .mapTo(String.class)
                .list());
    }

    static long emails(Jdbi jdbi, String alertId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM email_outbox WHERE alert_id = :id")
                .bind("id", alertId)
                .mapTo(Long.class)
                .one());
    }
}
