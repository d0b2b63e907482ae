package org.desist.session;

import java.util.ArrayList;
import java.util.List;
import org.desist.db.Snapshot;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Recounts the attendance totals from the sessions and names every row where the running totals differ:
 * for the {@code verify-totals} command and the {@code attendance-totals} health check. Both sides are read
 * in one snapshot, so writes that commit meanwhile cannot show as a mismatch; each comparison is one
 * statement (a full join of the totals and their recount) that returns only the rows that differ.
 */
public final class TotalsVerification {
    private TotalsVerification() {
    }

    /** One day and outcome of a site or a cohort where the running totals and a recount differ. */
    public record Mismatch(String table, String key, String onDate, String outcome, long heldSessions,
                           long countedSessions, long heldEngagementSum, long countedEngagementSum,
                           long heldRated, long countedRated) {
        @Override
        public String toString() {
            return table + " " + key + " " + onDate + " " + outcome + ": held " + heldSessions + " sessions"
                    + " (engagement " + heldEngagementSum + " over " + heldRated + " rated), a recount gives "
                    + countedSessions + " (engagement " + countedEngagementSum + " over " + countedRated + " rated)";
        }
    }

    public static List<Mismatch> check(Jdbi jdbi) {
        return Snapshot.read(jdbi, handle -> {
            List<Mismatch> found = new ArrayList<>(compare(handle, "attendance_totals", "site_code",
                    AttendanceTotals.RECOUNT));
            found.addAll(compare(handle, "cohort_attendance_totals", "cohort_id", AttendanceTotals.RECOUNT_BY_COHORT));
            return found;
        });
    }

    private static List<Mismatch> compare(Handle handle, String table, String key, String recount) {
        String differs = "coalesce(t.sessions, 0) <> coalesce(r.sessions, 0)"
                + " OR coalesce(t.engagement_sum, 0) <> coalesce(r.engagement_sum, 0)"
                + " OR coalesce(t.engagement_rated, 0) <> coalesce(r.engagement_rated, 0)";
        return handle.createQuery("SELECT coalesce(t." + key + ", r." + key + ") AS k,"
                        + " coalesce(t.on_date, r.on_date) AS on_date, coalesce(t.outcome, r.outcome) AS outcome,"
                        + " coalesce(t.sessions, 0) AS held_sessions, coalesce(r.sessions, 0) AS counted_sessions,"
                        + " coalesce(t.engagement_sum, 0) AS held_sum, coalesce(r.engagement_sum, 0) AS counted_sum,"
                        + " coalesce(t.engagement_rated, 0) AS held_rated, coalesce(r.engagement_rated, 0) AS counted_rated"
                        + " FROM " + table + " t FULL OUTER JOIN (" + recount + ") r ON r." + key + " = t." + key
                        + " AND r.on_date = t.on_date AND r.outcome = t.outcome"
                        + " WHERE " + differs + " ORDER BY 1, 2, 3")
                .map((rs, ctx) -> new Mismatch(table, rs.getString("k"), rs.getString("on_date"),
                        rs.getString("outcome"), rs.getLong("held_sessions"), rs.getLong("counted_sessions"),
                        rs.getLong("held_sum"), rs.getLong("counted_sum"), rs.getLong("held_rated"),
                        rs.getLong("counted_rated")))
                .list();
    }
}
