package org.desist.session;

import java.time.Instant;
import org.desist.caserecord.RecordStatus;
import org.desist.db.IsoTimeColumns;
import org.jdbi.v3.core.Handle;

/**
 * Running totals of session outcomes per day and outcome, for each site (attendance_totals) and for
 * each cohort (cohort_attendance_totals), kept so that figures need not scan every session. Every write
 * that changes what a session counts for — its outcome recorded, an amendment, its marking as entered
 * in error — moves the totals on the write's own handle, so they commit or roll back with it; so does
 * an enrolment opened in a cohort the participant was not in, which brings their sessions with it. Only
 * active sessions with an outcome count; a session counts for its participant's site and for every
 * cohort the participant has an enrolment in; the day is the UTC date of the scheduled time, as
 * {@code substr(scheduled_at, 1, 10)} reads it.
 *
 * <p>Two writers of one participant (an outcome and an enrolment, say) each read what the other writes:
 * under READ COMMITTED neither sees the other's uncommitted row, and the session counts for the new cohort
 * in neither. So every change of totals first takes the participant's row lock ({@link #lock}): the second
 * writer waits for the first to commit, then its next statement sees it. The lock is an update of the row
 * onto itself, the same text on both databases (SQLite has no SELECT ... FOR UPDATE and needs none: its
 * writers are serialised already); it is chosen over SERIALIZABLE with retries, which would have to replay
 * whole requests, audit rows included, and would fail writers under load instead of queueing them.
 */
public final class AttendanceTotals {
    private static final String COUNTS = "count(*) AS sessions, coalesce(sum(s.engagement), 0) AS engagement_sum,"
            + " count(s.engagement) AS engagement_rated";
    /** Of the live sessions (active_session), those with an outcome. */
    private static final String COUNTED = "s.outcome IS NOT NULL";

    /** The site totals as a full recount over the session table gives them: what the running totals must equal. */
    public static final String RECOUNT = "SELECT p.site_code, substr(s.scheduled_at, 1, 10) AS on_date, s.outcome, "
            + COUNTS + " FROM active_session s JOIN participant p ON p.id = s.participant_id WHERE " + COUNTED
            + " GROUP BY p.site_code, substr(s.scheduled_at, 1, 10), s.outcome";

    /** The cohort totals as a full recount gives them. */
    public static final String RECOUNT_BY_COHORT = "SELECT c.cohort_id, substr(s.scheduled_at, 1, 10) AS on_date,"
            + " s.outcome, " + COUNTS + " FROM (SELECT DISTINCT participant_id, cohort_id FROM enrolment) c"
            + " JOIN active_session s ON s.participant_id = c.participant_id WHERE " + COUNTED
            + " GROUP BY c.cohort_id, substr(s.scheduled_at, 1, 10), s.outcome";

    private AttendanceTotals() {}

    /**
     * Takes the participant's row lock until the transaction ends, so that writers of their totals go one
     * at a time; call it before reading anything the totals are computed from. Taking it twice is harmless.
     */
    public static void lock(Handle handle, String participantId) {
        handle.createUpdate("UPDATE participant SET version = version WHERE id = :p")
                .bind("p", participantId)
                .execute();
    }

    /** Counts a session in, if it counts at all: for its participant's site and each of their cohorts. */
    public static void add(Handle handle, Session session) {
        if (!counts(session)) {
            return;
        }
        lock(handle, session.participantId());
        for (Totals totals : Totals.values()) {
            handle.createUpdate("INSERT INTO " + totals.table + " (" + totals.key + ", on_date, outcome, sessions,"
                            + " engagement_sum, engagement_rated) SELECT DISTINCT " + totals.keyOfParticipant
                            + ", :onDate, :outcome, 1, :engagement, :rated " + totals.ofParticipant
                            + " ON CONFLICT (" + totals.key + ", on_date, outcome) DO UPDATE SET sessions = "
                            + totals.table + ".sessions + 1, engagement_sum = " + totals.table + ".engagement_sum"
                            + " + excluded.engagement_sum, engagement_rated = " + totals.table + ".engagement_rated"
                            + " + excluded.engagement_rated")
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
        lock(handle, session.participantId());
        for (Totals totals : Totals.values()) {
            String rows = " WHERE " + totals.key + " IN (SELECT " + totals.keyOfParticipant + " " + totals.ofParticipant
                    + ") AND on_date = :onDate AND outcome = :outcome";
            handle.createUpdate("UPDATE " + totals.table + " SET sessions = sessions - 1,"
                            + " engagement_sum = engagement_sum - :engagement,"
                            + " engagement_rated = engagement_rated - :rated" + rows)
                    .bind("engagement", session.engagement() == null ? 0 : session.engagement())
                    .bind("rated", session.engagement() == null ? 0 : 1)
                    .bind("participantId", session.participantId())
                    .bind("onDate", day(session.scheduledAt()))
                    .bind("outcome", session.outcome().name())
                    .execute();
            handle.createUpdate("DELETE FROM " + totals.table + rows + " AND sessions = 0")
                    .bind("participantId", session.participantId())
                    .bind("onDate", day(session.scheduledAt()))
                    .bind("outcome", session.outcome().name())
                    .execute();
        }
    }

    /**
     * A participant joins a cohort: call before their enrolment is written. If it is their first
     * enrolment in that cohort, the sessions they already have start counting for it.
     */
    public static void joining(Handle handle, String participantId, String cohortId) {
        lock(handle, participantId);
        int already = handle.createQuery("SELECT count(*) FROM enrolment WHERE participant_id = :p AND cohort_id = :c")
                .bind("p", participantId)
                .bind("c", cohortId)
                .mapTo(Integer.class)
                .one();
        if (already > 0) {
            return;
        }
        handle.createUpdate(
                        "INSERT INTO cohort_attendance_totals (cohort_id, on_date, outcome, sessions, engagement_sum,"
                                + " engagement_rated) SELECT :c, substr(s.scheduled_at, 1, 10), s.outcome, " + COUNTS
                                + " FROM active_session s WHERE s.participant_id = :p AND " + COUNTED
                                + " GROUP BY substr(s.scheduled_at, 1, 10), s.outcome"
                                + " ON CONFLICT (cohort_id, on_date, outcome) DO UPDATE SET"
                                + " sessions = cohort_attendance_totals.sessions + excluded.sessions,"
                                + " engagement_sum = cohort_attendance_totals.engagement_sum + excluded.engagement_sum,"
                                + " engagement_rated = cohort_attendance_totals.engagement_rated + excluded.engagement_rated")
                .bind("p", participantId)
                .bind("c", cohortId)
                .execute();
    }

    /**
     * Counts every session of a participant out of the totals of their site and cohorts, as they stand now;
     * with {@link #countIn} after it, for a change that moves a whole case at once (a merge of two people,
     * whose sessions then count for the survivor's site and for the cohorts of both). Takes the row lock.
     */
    public static void countOut(Handle handle, String participantId) {
        lock(handle, participantId);
        for (Totals totals : Totals.values()) {
            String sessionsOfDay = " FROM active_session s WHERE s.participant_id = :participantId AND " + COUNTED
                    + " AND substr(s.scheduled_at, 1, 10) = " + totals.table + ".on_date AND s.outcome = "
                    + totals.table + ".outcome";
            String rows = " WHERE " + totals.key + " IN (SELECT " + totals.keyOfParticipant + " " + totals.ofParticipant
                    + ") AND EXISTS (SELECT 1" + sessionsOfDay + ")";
            handle.createUpdate("UPDATE " + totals.table + " SET sessions = sessions - (SELECT count(*)" + sessionsOfDay
                            + "), engagement_sum = engagement_sum - (SELECT coalesce(sum(s.engagement), 0)"
                            + sessionsOfDay + "), engagement_rated = engagement_rated - (SELECT count(s.engagement)"
                            + sessionsOfDay + ")" + rows)
                    .bind("participantId", participantId)
                    .execute();
            handle.createUpdate("DELETE FROM " + totals.table + " WHERE sessions = 0 AND " + totals.key + " IN (SELECT "
                            + totals.keyOfParticipant + " " + totals.ofParticipant + ")")
                    .bind("participantId", participantId)
                    .execute();
        }
    }

    /** Counts every session of a participant into the totals of their site and each of their cohorts. */
    public static void countIn(Handle handle, String participantId) {
        lock(handle, participantId);
        for (Totals totals : Totals.values()) {
            handle.createUpdate("INSERT INTO " + totals.table + " (" + totals.key + ", on_date, outcome, sessions,"
                            + " engagement_sum, engagement_rated) SELECT k.owner, substr(s.scheduled_at, 1, 10), s.outcome, "
                            + COUNTS + " FROM (SELECT DISTINCT " + totals.keyOfParticipant + " AS owner "
                            + totals.ofParticipant
                            + ") k, active_session s WHERE s.participant_id = :participantId AND "
                            + COUNTED + " GROUP BY k.owner, substr(s.scheduled_at, 1, 10), s.outcome"
                            + " ON CONFLICT (" + totals.key + ", on_date, outcome) DO UPDATE SET sessions = "
                            + totals.table + ".sessions + excluded.sessions, engagement_sum = " + totals.table
                            + ".engagement_sum + excluded.engagement_sum, engagement_rated = " + totals.table
                            + ".engagement_rated + excluded.engagement_rated")
                    .bind("participantId", participantId)
                    .execute();
        }
    }

    /** Recounts every total from the sessions: after a bulk load that bypassed the writes above. */
    public static void rebuild(Handle handle) {
        handle.execute("DELETE FROM attendance_totals");
        handle.execute("INSERT INTO attendance_totals (site_code, on_date, outcome, sessions, engagement_sum,"
                + " engagement_rated) " + RECOUNT);
        handle.execute("DELETE FROM cohort_attendance_totals");
        handle.execute("INSERT INTO cohort_attendance_totals (cohort_id, on_date, outcome, sessions, engagement_sum,"
                + " engagement_rated) " + RECOUNT_BY_COHORT);
    }

    /** The two sets of totals: what keys them, and how a participant's keys are found. */
    private enum Totals {
        sites("attendance_totals", "site_code", "site_code", "FROM participant WHERE id = :participantId"),
        cohorts(
                "cohort_attendance_totals",
                "cohort_id",
                "cohort_id",
                "FROM enrolment WHERE participant_id = :participantId");

        final String table;
        final String key;
        final String keyOfParticipant;
        final String ofParticipant;

        Totals(String table, String key, String keyOfParticipant, String ofParticipant) {
            this.table = table;
            this.key = key;
            this.keyOfParticipant = keyOfParticipant;
            this.ofParticipant = ofParticipant;
        }
    }

    private static boolean counts(Session session) {
        return session.status() == RecordStatus.active && session.outcome() != null;
    }

    private static String day(Instant scheduledAt) {
        return IsoTimeColumns.format(scheduledAt).substring(0, 10);
    }
}
