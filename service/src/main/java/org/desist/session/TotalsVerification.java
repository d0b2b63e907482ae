package org.desist.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.desist.db.Snapshot;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Recounts the attendance totals from the sessions and names every row where the running totals differ:
 * for the {@code verify-totals} command and the {@code attendance-totals} health check. Both sides are read
 * in one snapshot, so writes that commit meanwhile cannot show as a mismatch.
 */
public final class TotalsVerification {
    private TotalsVerification() {}

    /** One day and outcome of a site or a cohort where the running totals and a recount differ. */
    public record Mismatch(
            String table,
            String key,
            String onDate,
            String outcome,
            long heldSessions,
            long countedSessions,
            long heldEngagementSum,
            long countedEngagementSum,
            long heldRated,
            long countedRated) {
        @Override
        public String toString() {
            return table + " " + key + " " + onDate + " " + outcome + ": held " + heldSessions + " sessions"
                    + " (engagement " + heldEngagementSum + " over " + heldRated + " rated), a recount gives "
                    + countedSessions + " (engagement " + countedEngagementSum + " over " + countedRated + " rated)";
        }
    }

    public static List<Mismatch> check(Jdbi jdbi) {
        return Snapshot.read(jdbi, handle -> {
            List<Mismatch> found =
                    new ArrayList<>(compare(handle, "attendance_totals", "site_code", AttendanceTotals.RECOUNT));
            found.addAll(compare(handle, "cohort_attendance_totals", "cohort_id", AttendanceTotals.RECOUNT_BY_COHORT));
            return found;
        });
    }

    /** A day and outcome of a site or cohort, and its three figures. */
    private record Row(String key, String onDate, String outcome, long sessions, long engagementSum, long rated) {
        String day() {
            return key + " " + onDate + " " + outcome;
        }
    }

    /**
     * Read into maps and compared here: a join of the totals to their recount has no index to use on the
     * recount's side, and SQLite took four minutes over it at 50,000 participants, against seconds this way.
     */
    private static List<Mismatch> compare(Handle handle, String table, String key, String recount) {
        Map<String, Row> held = rows(
                handle,
                "SELECT " + key + ", on_date, outcome, sessions, engagement_sum," + " engagement_rated FROM " + table);
        Map<String, Row> counted = rows(handle, recount);
        Row none = new Row(null, null, null, 0, 0, 0);
        SortedSet<String> days = new TreeSet<>(held.keySet());
        days.addAll(counted.keySet());
        List<Mismatch> mismatches = new ArrayList<>();
        for (String day : days) {
            Row h = held.getOrDefault(day, none);
            Row c = counted.getOrDefault(day, none);
            if (h.sessions() != c.sessions() || h.engagementSum() != c.engagementSum() || h.rated() != c.rated()) {
                Row named = h == none ? c : h;
                mismatches.add(new Mismatch(
                        table,
                        named.key(),
                        named.onDate(),
                        named.outcome(),
                        h.sessions(),
                        c.sessions(),
                        h.engagementSum(),
                        c.engagementSum(),
                        h.rated(),
                        c.rated()));
            }
        }
        return mismatches;
    }

    private static Map<String, Row> rows(Handle handle, String query) {
        Map<String, Row> rows = new HashMap<>();
        handle.createQuery(query)
                .map((rs, ctx) -> new Row(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .forEach(row -> rows.put(row.day(), row));
        return rows;
    }
}
