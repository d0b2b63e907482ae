package org.desist.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.desist.auth.Caller;
import org.jdbi.v3.core.Handle;

/** The SQL of retention decisions, legal holds and disposed cases. Dates and instants are ISO-8601 text. */
final class RetentionRows {
    private static final String DECISION_COLUMNS =
            "id, participant_id, decision, until_date, reason, decided_at, decided_by";
    private static final String HOLD_COLUMNS = "id, participant_id, reason, placed_at, placed_by, lifted_at, lifted_by";

    /** Fixed-width UTC text, so that instants sort as text on both databases. */
    private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(java.time.ZoneOffset.UTC);

    private RetentionRows() {}

    static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    /** Each case's latest decision. */
    static List<RetentionDecision> latestDecisions(Handle handle) {
        return handle.createQuery(
                        "SELECT " + DECISION_COLUMNS + " FROM retention_decision d WHERE d.decided_at ="
                                + " (SELECT max(o.decided_at) FROM retention_decision o WHERE o.participant_id = d.participant_id)")
                .map((rs, ctx) -> decision(rs))
                .list();
    }

    static Optional<RetentionDecision> latestDecision(Handle handle, String participantId) {
        return handle.createQuery("SELECT " + DECISION_COLUMNS + " FROM retention_decision WHERE participant_id = :id"
                        + " ORDER BY decided_at DESC, id DESC LIMIT 1")
                .bind("id", participantId)
                .map((rs, ctx) -> decision(rs))
                .findOne();
    }

    static Optional<RetentionDecision> decision(Handle handle, String id) {
        return handle.createQuery("SELECT " + DECISION_COLUMNS + " FROM retention_decision WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> decision(rs))
                .findOne();
    }

    static void insertDecision(
            Handle handle,
            String id,
            String participantId,
            String decision,
            LocalDate until,
            String reason,
            Instant now,
            Caller caller) {
        handle.createUpdate("INSERT INTO retention_decision (" + DECISION_COLUMNS + ") VALUES (:id, :participantId,"
                        + " :decision, :until, :reason, :at, :by)")
                .bind("id", id)
                .bind("participantId", participantId)
                .bind("decision", decision)
                .bind("until", until == null ? null : until.toString())
                .bind("reason", reason)
                .bind("at", stamp(now))
                .bind("by", caller.username())
                .execute();
    }

    /** The open holds of a case, the oldest first. */
    static List<LegalHold> holdsOn(Handle handle, String participantId) {
        return handle.createQuery("SELECT " + HOLD_COLUMNS + " FROM legal_hold WHERE participant_id = :id"
                        + " AND lifted_at IS NULL ORDER BY placed_at, id")
                .bind("id", participantId)
                .map((rs, ctx) -> hold(rs))
                .list();
    }

    static Optional<LegalHold> hold(Handle handle, String id) {
        return handle.createQuery("SELECT " + HOLD_COLUMNS + " FROM legal_hold WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> hold(rs))
                .findOne();
    }

    static void insertHold(Handle handle, String id, String participantId, String reason, Instant now, Caller caller) {
        handle.createUpdate("INSERT INTO legal_hold (id, participant_id, reason, placed_at, placed_by)"
                        + " VALUES (:id, :participantId, :reason, :at, :by)")
                .bind("id", id)
                .bind("participantId", participantId)
                .bind("reason", reason)
                .bind("at", stamp(now))
                .bind("by", caller.username())
                .execute();
    }

    static void liftHold(Handle handle, String id, Instant now, Caller caller) {
        handle.createUpdate("UPDATE legal_hold SET lifted_at = :at, lifted_by = :by WHERE id = :id")
                .bind("id", id)
                .bind("at", stamp(now))
                .bind("by", caller.username())
                .execute();
    }

    static void insertDisposed(
            Handle handle,
            CaseClosure.Case c,
            ReviewItem item,
            LocalDate today,
            Instant now,
            Caller caller,
            String decisionId) {
        handle.createUpdate("INSERT INTO disposed_case (participant_id, case_ref, site_code, referred_on, closed_on,"
                        + " record_class, policy, review_due_on, reviewed_on, disposed_at, decided_by, decision_id)"
                        + " VALUES (:id, :caseRef, :site, :referredOn, :closedOn, :recordClass, :policy, :dueOn,"
                        + " :reviewedOn, :at, :by, :decisionId)")
                .bind("id", c.participantId())
                .bind("caseRef", c.caseRef())
                .bind("site", c.siteCode())
                .bind(
                        "referredOn",
                        c.referredOn() == null ? null : c.referredOn().toString())
                .bind("closedOn", c.closedOn().toString())
                .bind("recordClass", c.recordClass().name())
                .bind("policy", item.policy())
                .bind("dueOn", item.reviewDueOn().toString())
                .bind("reviewedOn", today.toString())
                .bind("at", stamp(now))
                .bind("by", caller.username())
                .bind("decisionId", decisionId)
                .execute();
    }

    static String disposedOn(Handle handle, String participantId) {
        return handle.createQuery("SELECT disposed_at FROM disposed_case WHERE participant_id = :id")
                .bind("id", participantId)
                .mapTo(String.class)
                .findOne()
                .orElse("an earlier day");
    }

    private static RetentionDecision decision(ResultSet rs) throws SQLException {
        String until = rs.getString("until_date");
        return new RetentionDecision(
                rs.getString("id"),
                rs.getString("participant_id"),
                rs.getString("decision"),
                until == null ? null : LocalDate.parse(until),
                rs.getString("reason"),
                Instant.parse(rs.getString("decided_at")),
                rs.getString("decided_by"));
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        String lifted = rs.getString("lifted_at");
        return new LegalHold(
                rs.getString("id"),
                rs.getString("participant_id"),
                rs.getString("reason"),
                Instant.parse(rs.getString("placed_at")),
                rs.getString("placed_by"),
                lifted == null ? null : Instant.parse(lifted),
                rs.getString("lifted_by"));
    }
}
