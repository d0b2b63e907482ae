package org.desist.session;

import java.time.Instant;
import org.desist.caserecord.RecordStatus;
import org.desist.db.IsoTimeColumns;
import org.jdbi.v3.core.Handle;

/**
 * Running totals of session outcomes per site, day and outcome (table attendance_totals), kept so the
 * programme comparison need not scan every session. Every write that changes what a session counts
 * for — its outcome recorded, an amendment, its marking as entered in error — moves the totals on the
 * write's own handle, so they commit or roll back with it. Only active sessions with an outcome count;
 * the day is the UTC date of the scheduled time, as {@code substr(scheduled_at, 1, 10)} reads it.
 */
public final class AttendanceTotals {
    /** The totals as a full recount over the session table gives them: what the running totals must equal. */
    public static final String RECOUNT = """
            SELECT p.site_code, substr(s.scheduled_at, 1, 10) AS on_date, s.outcome, count(*) AS sessions,
                   coalesce(sum(s.engagement), 0) AS engagement_sum, count(s.engagement) AS engagement_rated
            FROM session s JOIN participant p ON p.id = s.participant_id
            WHERE s.status = 'active' AND s.outcome IS NOT NULL
            GROUP BY p.site_code, substr(s.scheduled_at, 1, 10), s.outcome
            """;

    private AttendanceTotals() {
    }

    /** Counts a session in, if it counts at all. */
    public static void add(Handle handle, Session session) {
        if (counts(session)) {
            handle.createUpdate("""
                    INSERT INTO attendance_totals (site_code, on_date, outcome, sessions, engagement_sum, engagement_rated)
                    SELECT site_code, :onDate, :outcome, 1, :engagement, :rated FROM participant WHERE id = :participantId
                    ON CONFLICT (site_code, on_date, outcome) DO UPDATE SET
                        sessions = attendance_totals.sessions + 1,
                        engagement_sum = attendance_totals.engagement_sum + excluded.engagement_sum,
                        engagement_rated = attendance_totals.engagement_rated + excluded.engagement_rated
                    """)
                    .bind("onDate", day(session.scheduledAt()))
                    .bind("outcome", session.outcome().name())
                    .bind("engagement", session.engagement() == null ? 0 : session.engagement())
                    .bind("rated", session.engagement() == null ? 0 : 1)
                    .bind("participantId", session.participantId())
                    .execute();
        }
    }

    /** Counts a session out, as it stood before a change; a row that reaches zero goes. */
    public static void remove(Handle handle, Session session) {
        if (!counts(session)) {
            return;
        }
        String key = " WHERE site_code = (SELECT site_code FROM participant WHERE id = :participantId)"
                + " AND on_date = :onDate AND outcome = :outcome";
        int changed = handle.createUpdate("UPDATE attendance_totals SET sessions = sessions - 1,"
                        + " engagement_sum = engagement_sum - :engagement, engagement_rated = engagement_rated - :rated"
                        + key)
                .bind("engagement", session.engagement() == null ? 0 : session.engagement())
                .bind("rated", session.engagement() == null ? 0 : 1)
                .bind("participantId", session.participantId())
                .bind("onDate", day(session.scheduledAt()))
                .bind("outcome", session.outcome().name())
                .execute();
        if (changed != 1) {
            throw new IllegalStateException("attendance_totals has no row for a session it counted");
        }
        handle.createUpdate("DELETE FROM attendance_totals" + key + " AND sessions = 0")
                .bind("participantId", session.participantId())
                .bind("onDate", day(session.scheduledAt()))
                .bind("outcome", session.outcome().name())
                .execute();
    }

    /** Recounts every total from the sessions: after a bulk load that bypassed the writes above. */
    public static void rebuild(Handle handle) {
        handle.execute("DELETE FROM attendance_totals");
        handle.execute("INSERT INTO attendance_totals (site_code, on_date, outcome, sessions, engagement_sum,"
                + " engagement_rated) " + RECOUNT);
    }

    private static boolean counts(Session session) {
        return session.status() == RecordStatus.active && session.outcome() != null;
    }

    private static String day(Instant scheduledAt) {
        return IsoTimeColumns.format(scheduledAt).substring(0, 10);
    }
}
