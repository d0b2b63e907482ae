package org.desist.cohortreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.desist.db.Snapshot;
import org.desist.readmodel.CountingRules;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of every figure: aggregates over the records of a {@link Population}, one query per family of
 * figures, each grouped by the population's group. Records entered in error never count. Everything
 * here is plain SQL that SQLite and PostgreSQL both run (CTEs, CASE, correlated subqueries);
 * what SQL cannot say portably (days between two dates, calendar months after a date) is left to
 * {@link FigureSheet}, from small histograms.
 */
final class CohortFiguresDao {
    static final String RECEIVED = """
            SELECT grp, source, count(*) AS n FROM ref
            WHERE received_on BETWEEN :from AND :to GROUP BY grp, source
            """;

    /** Reviewed referrals by priority and by the pair of dates, for the median days to review. */
    static final String REVIEWED = """
            SELECT grp, priority, received_on, reviewed_on, count(*) AS n FROM ref
            WHERE status = 'reviewed' AND reviewed_on BETWEEN :from AND :to
            GROUP BY grp, priority, received_on, reviewed_on
            """;

    static final String ENROLMENT_STATES = "SELECT grp, state, count(*) AS n FROM enr GROUP BY grp, state";

    /**
     * People, not enrolments, against the target: each participant once, in the month they first reached
     * 'enrolled' in the group (a person re-enrolled, or entered twice and merged, holds two enrolments).
     */
    static final String ENROLLED_BY_MONTH = """
            SELECT grp, substr(first_enrolled_on, 1, 7) AS month, count(*) AS n FROM (
                SELECT grp, participant_id, min(enrolled_on) AS first_enrolled_on FROM enr
                WHERE enrolled_on IS NOT NULL AND enrolled_on <= :to GROUP BY grp, participant_id) people
            GROUP BY grp, substr(first_enrolled_on, 1, 7)
            """;

    static final String EXITS = """
            SELECT grp, state, count(*) AS n FROM enr
            WHERE enrolled_on IS NOT NULL AND state IN %s AND state_on BETWEEN :from AND :to GROUP BY grp, state
            """.formatted(CountingRules.EXIT_STATES);

    /** Sessions counted by outcome from running totals, as {@link org.desist.session.Attendance} needs them. */
    private static final String OUTCOME_COLUMNS = """
            sum(CASE WHEN outcome IN ('attended', 'late') THEN %1$s ELSE 0 END) AS attended_or_late,
            sum(CASE WHEN outcome = 'did_not_attend' THEN %1$s ELSE 0 END) AS did_not_attend,
            sum(CASE WHEN outcome = 'cancelled_by_participant' THEN %1$s ELSE 0 END) AS cancelled_by_participant,
            sum(CASE WHEN outcome = 'cancelled_by_service' THEN %1$s ELSE 0 END) AS cancelled_by_service""";

    /**
     * A cohort's sessions by month, read from its running totals (session.AttendanceTotals, whose
     * RECOUNT_BY_COHORT is the same count over the session table: each active session with an outcome
     * of a participant with an enrolment in the cohort, on the UTC date of its scheduled time).
     */
    static final String SESSIONS = """
            SELECT cohort_id AS grp, substr(on_date, 1, 7) AS month, %s,
                   sum(engagement_sum) AS engagement_sum, sum(engagement_rated) AS engagement_rated
            FROM cohort_attendance_totals
            WHERE cohort_id = :cohortId AND on_date BETWEEN :from AND :to
            GROUP BY cohort_id, substr(on_date, 1, 7)
            """.formatted(OUTCOME_COLUMNS.formatted("sessions"));

    /** Each site's sessions by month, read from the running totals (session.AttendanceTotals). */
    static final String SESSIONS_FROM_TOTALS = """
            SELECT site_code AS grp, substr(on_date, 1, 7) AS month, %s,
                   sum(engagement_sum) AS engagement_sum, sum(engagement_rated) AS engagement_rated
            FROM attendance_totals
            WHERE on_date BETWEEN :from AND :to AND %s
            GROUP BY site_code, substr(on_date, 1, 7)
            """.formatted(OUTCOME_COLUMNS.formatted("sessions"), CountingRules.inScope("site_code"));

    /** Accepted, engaged and completed are read from the moves: a referral that reached engaged was accepted. */
    static final String ONWARD = """
            SELECT pop.grp, sr.service, count(*) AS made,
                   sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                            AND m.on_date <= :to AND m.state IN ('accepted', 'engaged', 'completed'))
                       THEN 1 ELSE 0 END) AS accepted,
                   sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                            AND m.on_date <= :to AND m.state IN ('engaged', 'completed'))
                       THEN 1 ELSE 0 END) AS engaged,
                   sum(CASE WHEN EXISTS (SELECT 1 FROM service_referral_move m WHERE m.service_referral_id = sr.id
                            AND m.on_date <= :to AND m.state = 'completed')
                       THEN 1 ELSE 0 END) AS completed
            FROM pop JOIN active_service_referral sr ON sr.participant_id = pop.participant_id
            WHERE sr.made_on BETWEEN :from AND :to
            GROUP BY pop.grp, sr.service
            """;

    static final String[] DOMAINS = {"violence", "persistence", "recurrence", "psychosocial_damage"};

    /**
     * Per domain, each participant's rating at their first assessment against their latest desistance
     * review (both as of the period's end). Each is found by a correlated subquery walking the
     * participant's index backwards or forwards, which stays cheap however many participants there are.
     */
    static final String RISK = """
            SELECT pop.grp, count(*) AS compared, %s, %s, %s, %s
            FROM pop
                 JOIN active_assessment f ON f.id = (
                     SELECT a.id FROM active_assessment a
                     WHERE a.participant_id = pop.participant_id AND a.assessed_on <= :to
                     ORDER BY a.assessed_on, a.recorded_at, a.id LIMIT 1)
                 JOIN active_desistance_review l ON l.id = (
                     SELECT d.id FROM active_desistance_review d
                     WHERE d.participant_id = pop.participant_id AND d.reviewed_on <= :to
                     ORDER BY d.reviewed_on DESC, d.recorded_at DESC, d.id DESC LIMIT 1)
            GROUP BY pop.grp
            """.formatted(moved(DOMAINS[0]), moved(DOMAINS[1]), moved(DOMAINS[2]), moved(DOMAINS[3]));

    /** Participants whose rating of a domain moved down, stayed and moved up, from first (f) to latest (l). */
    private static String moved(String domain) {
        String first = rank("f.risk_" + domain);
        String latest = rank("l.risk_" + domain);
        return "sum(CASE WHEN " + latest + " < " + first + " THEN 1 ELSE 0 END) AS " + domain + "_down, "
                + "sum(CASE WHEN " + latest + " = " + first + " THEN 1 ELSE 0 END) AS " + domain + "_same, "
                + "sum(CASE WHEN " + latest + " > " + first + " THEN 1 ELSE 0 END) AS " + domain + "_up";
    }

    /** A rating as a number that orders it: low 0, moderate 1, high 2. */
    private static String rank(String column) {
        return "CASE " + column + " WHEN 'low' THEN 0 WHEN 'moderate' THEN 1 ELSE 2 END";
    }

    /** Incidents from the day of enrolment to the day of exit (or to now, while enrolled). */
    static final String INCIDENTS = """
            SELECT enr.grp, i.kind, count(*) AS n
            FROM enr JOIN active_incident i ON i.participant_id = enr.participant_id
            WHERE enr.enrolled_on IS NOT NULL
              AND i.occurred_on >= enr.enrolled_on AND (enr.state = 'enrolled' OR i.occurred_on <= enr.state_on)
              AND i.occurred_on BETWEEN :from AND :to
            GROUP BY enr.grp, i.kind
            """;

    /** Each exit with the first reoffence after it; the follow-up windows are counted in calendar months in Java. */
    static final String FOLLOW_UP = """
            SELECT grp, exit_on, reoffended_on, count(*) AS n FROM (
                SELECT enr.grp, enr.state_on AS exit_on,
                       (SELECT min(i.occurred_on) FROM active_incident i
                        WHERE i.participant_id = enr.participant_id
                          AND i.kind IN %s AND i.occurred_on > enr.state_on) AS reoffended_on
                FROM enr
                WHERE enr.enrolled_on IS NOT NULL AND enr.state IN %s AND enr.state_on BETWEEN :from AND :to) exits
            GROUP BY grp, exit_on, reoffended_on
            """.formatted(CountingRules.REOFFENCES, CountingRules.EXIT_STATES);

    static final String TARGETS_OF_COHORT = "SELECT id AS grp, target FROM cohort WHERE id = :cohortId";
    static final String TARGETS_OF_SITES = "SELECT site_code AS grp, sum(target) AS target FROM cohort WHERE "
            + CountingRules.inScope("site_code") + " GROUP BY site_code";

    private final Jdbi jdbi;
    private final Population population;
    private final ReportingPeriod period;

    CohortFiguresDao(Jdbi jdbi, Population population, ReportingPeriod period) {
        this.jdbi = jdbi;
        this.population = population;
        this.period = period;
    }

    /**
     * Every group's tally; groups with nothing recorded are absent. The families of queries are
     * independent and must all see one state of the database (a session recorded meanwhile must not count
     * in one family and not another): {@link Snapshot#readEach} runs them in one snapshot, side by side on
     * the executor where the database can share a snapshot between connections (PostgreSQL), so the report
     * takes about as long as its longest query; one after another in one read transaction on SQLite, whose
     * connections cannot, and which never takes the write lock for it.
     */
    Map<String, Tally> tallies(Executor executor) {
        List<Family> families = List.of(this::referrals, this::sessions, this::enrolments, this::onwardReferrals,
                this::riskMovement, this::incidentsAndFollowUp);
        List<HandleCallback<Map<String, Tally>, RuntimeException>> reads = families.stream()
                .<HandleCallback<Map<String, Tally>, RuntimeException>>map(family -> handle -> {
                    Map<String, Tally> tallies = new TreeMap<>();
                    family.read(handle, tallies);
                    return tallies;
                })
                .toList();
        Map<String, Tally> tallies = new TreeMap<>();
        for (Map<String, Tally> family : Snapshot.readEach(jdbi, reads, executor)) {
            family.forEach((group, tally) -> tallies.computeIfAbsent(group, key -> new Tally()).add(tally));
        }
        return tallies;
    }

    @FunctionalInterface
    private interface Family {
        void read(Handle handle, Map<String, Tally> tallies);
    }

    private void sessions(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.isCohort() ? SESSIONS : SESSIONS_FROM_TOTALS, row -> {
            Tally.Outcomes month = tally(tallies, row).month(YearMonth.parse(row.getString("month")));
            month.attendedOrLate += row.getInt("attended_or_late");
            month.didNotAttend += row.getInt("did_not_attend");
            month.cancelledByParticipant += row.getInt("cancelled_by_participant");
            month.cancelledByService += row.getInt("cancelled_by_service");
            month.engagementSum += row.getLong("engagement_sum");
            month.engagementRated += row.getInt("engagement_rated");
        });
    }

    private void referrals(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.with("ref") + RECEIVED, row -> tally(tallies, row).receivedBySource
                .merge(row.getString("source"), row.getInt("n"), Integer::sum));
        each(handle, population.with("ref") + REVIEWED, row -> {
            Tally tally = tally(tallies, row);
            int n = row.getInt("n");
            tally.reviewedByPriority.merge(row.getString("priority"), n, Integer::sum);
            int days = (int) ChronoUnit.DAYS.between(LocalDate.parse(row.getString("received_on")),
                    LocalDate.parse(row.getString("reviewed_on")));
            tally.daysToReview.merge(days, n, Integer::sum);
        });
    }

    private void enrolments(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.with("enr") + ENROLMENT_STATES, row -> tally(tallies, row).enrolmentsByState
                .merge(row.getString("state"), row.getInt("n"), Integer::sum));
        each(handle, population.with("enr") + ENROLLED_BY_MONTH, row -> tally(tallies, row).enrolledInMonth
                .merge(YearMonth.parse(row.getString("month")), row.getInt("n"), Integer::sum));
        each(handle, population.isCohort() ? TARGETS_OF_COHORT : TARGETS_OF_SITES,
                row -> tally(tallies, row).target += row.getInt("target"));
        each(handle, population.with("enr") + EXITS, row -> tally(tallies, row).exitsByState
                .merge(row.getString("state"), row.getInt("n"), Integer::sum));
    }

    private void onwardReferrals(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.with("pop") + ONWARD, row -> {
            Tally.Onward onward = tally(tallies, row).service(row.getString("service"));
            onward.made += row.getInt("made");
            onward.accepted += row.getInt("accepted");
            onward.engaged += row.getInt("engaged");
            onward.completed += row.getInt("completed");
        });
    }

    private void riskMovement(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.with("pop") + RISK, row -> {
            Tally tally = tally(tallies, row);
            tally.riskCompared += row.getInt("compared");
            for (String domain : DOMAINS) {
                int[] moved = tally.domain(domain);
                moved[0] += row.getInt(domain + "_down");
                moved[1] += row.getInt(domain + "_same");
                moved[2] += row.getInt(domain + "_up");
            }
        });
    }

    private void incidentsAndFollowUp(Handle handle, Map<String, Tally> tallies) {
        each(handle, population.with("enr") + INCIDENTS, row -> tally(tallies, row).incidentsByKind
                .merge(row.getString("kind"), row.getInt("n"), Integer::sum));
        each(handle, population.with("enr") + FOLLOW_UP, row -> {
            String reoffended = row.getString("reoffended_on");
            tally(tallies, row).exitsFollowed.merge(new Tally.FollowUp(LocalDate.parse(row.getString("exit_on")),
                    reoffended == null ? null : LocalDate.parse(reoffended)), row.getInt("n"), Integer::sum);
        });
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void each(Handle handle, String sql, RowReader reader) {
        Query query = population.bind(handle.createQuery(sql))
                .bind("from", period.from())
                .bind("to", period.to());
        query.map((row, context) -> {
            reader.read(row);
            return Boolean.TRUE;
        }).forEach(read -> { });
    }

    private static Tally tally(Map<String, Tally> tallies, ResultSet row) throws SQLException {
        return tallies.computeIfAbsent(row.getString("grp"), group -> new Tally());
    }
}
