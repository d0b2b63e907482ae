package org.desist.email;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The email_outbox table (migration 0079): rows due, claims on them, and their outcome. */
public interface OutboxDao {
    String DUE = "sent_at IS NULL AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until <= :now)";

    /** One row to send, with what its text needs: the address, and the site's name (alerts) or day (digests). */
    record Pending(
            String id,
            String username,
            String kind,
            String email,
            boolean disabled,
            String siteName,
            LocalDate digestDay,
            int attempts) {}

    @SqlQuery("SELECT id FROM email_outbox WHERE " + DUE + " ORDER BY next_attempt_at, id LIMIT :limit")
    List<String> due(@Bind("now") Instant now, @Bind("limit") int limit);

    /**
     * Takes the row for this instance until {@code until}, if it is still due and nobody else holds it: 1 when
     * taken. The condition is checked in the update itself, so of two instances racing for one row only one wins.
     */
    @SqlUpdate("UPDATE email_outbox SET claimed_until = :until, attempts = attempts + 1 WHERE id = :id AND " + DUE)
    int claim(@Bind("id") String id, @Bind("now") Instant now, @Bind("until") Instant until);

    @SqlQuery("SELECT o.id, o.username, o.kind, u.email, u.disabled, s.name AS site_name, o.digest_day, o.attempts"
            + " FROM email_outbox o JOIN app_user u ON u.username = o.username"
            + " LEFT JOIN site s ON s.code = o.site_code WHERE o.id = :id")
    @RegisterConstructorMapper(Pending.class)
    Optional<Pending> pending(@Bind("id") String id);

    /** The case references of the alerts open for the user (uncleared, not acknowledged by them). */
    @SqlQuery("SELECT DISTINCT p.case_ref FROM alert a JOIN alert_recipient r ON r.alert_id = a.id"
            + " JOIN participant p ON p.id = a.participant_id"
            + " WHERE r.username = :username AND a.cleared_at IS NULL AND r.acknowledged_at IS NULL"
            + " ORDER BY p.case_ref")
    List<String> openCaseRefs(@Bind("username") String username);

    @SqlUpdate("UPDATE email_outbox SET sent_at = :at, claimed_until = NULL, last_error = :note WHERE id = :id")
    void done(@Bind("id") String id, @Bind("at") Instant at, @Bind("note") String note);

    @SqlUpdate("UPDATE email_outbox SET claimed_until = NULL, next_attempt_at = :next, last_error = :error"
            + " WHERE id = :id")
    void failed(@Bind("id") String id, @Bind("next") Instant next, @Bind("error") String error);

    /** Accounts that should get the day's digest: an address, enabled, and at least one alert open for them. */
    @SqlQuery("SELECT DISTINCT u.username FROM app_user u JOIN alert_recipient r ON r.username = u.username"
            + " JOIN alert a ON a.id = r.alert_id WHERE u.email IS NOT NULL AND u.disabled = 0"
            + " AND a.cleared_at IS NULL AND r.acknowledged_at IS NULL ORDER BY u.username")
    List<String> digestRecipients();

    /** The day's digest for the user, unless one is queued already (the unique index, across instances). */
    @SqlUpdate("INSERT INTO email_outbox (id, username, kind, digest_day, created_at, next_attempt_at)"
            + " VALUES (:id, :username, 'digest', :day, :now, :now) ON CONFLICT DO NOTHING")
    int queueDigest(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("day") LocalDate day,
            @Bind("now") Instant now);
}
