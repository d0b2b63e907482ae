package org.desist.readmodel;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The SQL of every programme figure: aggregates over the records of a {@link Population} in a period (both
 * days inclusive), one query per kind of count, each row keyed by the population's group (a cohort's id, a
 * site's code). Records entered in error never count. Everything here is plain SQL that SQLite and
 * PostgreSQL both run (CTEs, CASE, correlated subqueries); what SQL cannot say portably (days between two
 * dates, calendar months after a date) is left to the caller (cohortreport.FigureSheet), from the small
 * histograms these rows are. The rows are the read model's own; cohortreport adds them up into tallies.
 */
public final class CohortFiguresDao {
    private static final String RECEIVED = """
            SELECT grp, source, count(*) AS n FROM ref
            WHERE received_on BETWEEN :from AND :to GROUP BY grp, source
            """;

    /** Reviewed referrals by priority and by the pair of dates, for the median days to review. */
    private static final String REVIEWED = """
            SELECT grp, priority, received_on, reviewed_on, count(*) AS n FROM ref
            WHERE status = 'reviewed' AND reviewed_on BETWEEN :from AND :to
            GROUP BY grp, priority, received_on, reviewed_on
            """;

    private static final String ENROLMENT_STATES = "SELECT grp, state, count(*) AS n FROM enr GROUP BY grp, state";

    /**
     * People, not enrolments, against the target: each participant once, in the month they first reached
     * 'enrolled' in the group (a person re-enrolled, or entered twice and merged, holds two enrolments).
     */
    private static final String ENROLLED_BY_MONTH = """
            SELECT grp, substr(first_enrolled_on, 1, 7) AS month, count(*) AS n FROM (
                SELECT grp, participant_id, min(enrolled_on) AS first_enrolled_on FROM enr
                WHERE enrolled_on IS NOT NULL AND enrolled_on <= :to GROUP BY grp, participant_id) people
            GROUP BY grp, substr(first_enrolled_on, 1, 7)
            """;

    private static final String EXITS = """
            SELECT grp, state, count(*) AS n FROM enr
            WHERE enrolled_on IS NOT NULL AND state IN %s AND state_on BETWEEN :from AND :to GROUP BY grp, state
            """.formatted(CountingRules.EXIT_STATES);

    /** The categories of the reference data's reason codes (reason_code.category) a drop-out may give. */
    private static final List<String> REASON_CATEGORIES = List.of("motivation", "operational", "sentence", "clinical");

    /** What a drop-out is counted under: its reason code's category, 'other' (any other category), 'not_recorded'. */
    public static final List<String> DROP_OUT_REASONS = Stream.concat(
                    REASON_CATEGORIES.stream(), Stream.of("other", "not_recorded"))
            .toList();

    /**
     * Drop-outs in the period by the category of the reason code of the move that ended them (the enrolment's
     * last event): 'not_recorded' without a code, 'other' for a category outside the list (completion, say).
     */
    private static final String DROPPED_OUT = """
            SELECT grp, CASE WHEN category IS NULL THEN 'not_recorded' WHEN category IN %s THEN category
                        ELSE 'other' END AS reason, count(*) AS n FROM (
                SELECT enr.grp,
                       (SELECT rc.category FROM enrolment_event ev LEFT JOIN reason_code rc ON rc.code = ev.reason_code
                        WHERE ev.enrolment_id = enr.id ORDER BY ev.seq DESC LIMIT 1) AS category
                FROM enr
                WHERE enr.enrolled_on IS NOT NULL AND enr.state IN %s AND enr.state_on BETWEEN :from AND :to) ended
            GROUP BY grp, CASE WHEN category IS NULL THEN 'not_recorded' WHEN category IN %1$s THEN category
                          ELSE 'other' END
            """.formatted(sqlList(REASON_CATEGORIES), CountingRules.DROP_OUT_STATES);

    /** The states whose time is measured: from entering one (an event) to the next move (the next event). */
    public static final List<String> TIMED_STATES = List.of("referred", "assessing");

    /** Each move out of a timed state dated in the period, as the pair of dates in and out; days are counted in Java. */
    private static final String DAYS_IN_STATE = """
            SELECT enr.grp, cur.state, cur.on_date AS entered_on, nxt.on_date AS left_on, count(*) AS n
            FROM enr JOIN enrolment_event cur ON cur.enrolment_id = enr.id
                 JOIN enrolment_event nxt ON nxt.enrolment_id = cur.enrolment_id AND nxt.seq = cur.seq + 1
            WHERE cur.state IN %s AND nxt.on_date BETWEEN :from AND :to
            GROUP BY enr.grp, cur.state, cur.on_date, nxt.on_date
            """.formatted(sqlList(TIMED_STATES));

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
    private static final String SESSIONS = """
            SELECT cohort_id AS grp, substr(on_date, 1, 7) AS month, %s,
                   sum(engagement_sum) AS engagement_sum, sum(engagement_rated) AS engagement_rated
            FROM cohort_attendance_totals
            WHERE cohort_id = :cohortId AND on_date BETWEEN :from AND :to
            GROUP BY cohort_id, substr(on_date, 1, 7)
            """.formatted(OUTCOME_COLUMNS.formatted("sessions"));

    /** Each site's sessions by month, read from the running totals (session.AttendanceTotals). */
    private static final String SESSIONS_FROM_TOTALS =
            """
            SELECT site_code AS grp, substr(on_date, 1, 7) AS month, %s,
                   sum(engagement_sum) AS engagement_sum, sum(engagement_rated) AS engagement_rated
            FROM attendance_totals
            WHERE on_date BETWEEN :from AND :to AND %s
            GROUP BY site_code, substr(on_date, 1, 7)
            """.formatted(OUTCOME_COLUMNS.formatted("sessions"), CountingRules.inScope("site_code"));

    /** Accepted, engaged and completed are read from the moves: a referral that reached engaged was accepted. */
    private static final String ONWARD = """
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

    /** The four risk domains, as the columns of assessments and desistance reviews name them. */
    public static final List<String> DOMAINS = List.of("violence", "persistence", "recurrence", "psychosocial_damage");

    /**
     * Per domain, each participant's rating at their first assessment against their latest desistance
     * review (both as of the period's end). Each is found by a correlated subquery walking the
     * participant's index backwards or forwards, which stays cheap however many participants there are.
     */
    private static final String RISK =
            """
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
            """.formatted(moved(DOMAINS.get(0)), moved(DOMAINS.get(1)), moved(DOMAINS.get(2)), moved(DOMAINS.get(3)));

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
    private static final String INCIDENTS = """
            SELECT enr.grp, i.kind, count(*) AS n
            FROM enr JOIN active_incident i ON i.participant_id = enr.participant_id
            WHERE enr.enrolled_on IS NOT NULL
              AND i.occurred_on >= enr.enrolled_on AND (enr.state = 'enrolled' OR i.occurred_on <= enr.state_on)
              AND i.occurred_on BETWEEN :from AND :to
            GROUP BY enr.grp, i.kind
            """;

    /** Each exit with the first reoffence after it; the follow-up windows are counted in calendar months in Java. */
    private static final String FOLLOW_UP = """
            SELECT grp, exit_on, reoffended_on, count(*) AS n FROM (
                SELECT enr.grp, enr.state_on AS exit_on,
                       (SELECT min(i.occurred_on) FROM active_incident i
                        WHERE i.participant_id = enr.participant_id
                          AND i.kind IN %s AND i.occurred_on > enr.state_on) AS reoffended_on
                FROM enr
                WHERE enr.enrolled_on IS NOT NULL AND enr.state IN %s AND enr.state_on BETWEEN :from AND :to) exits
            GROUP BY grp, exit_on, reoffended_on
            """.formatted(CountingRules.REOFFENCES, CountingRules.EXIT_STATES);

    private static final String TARGETS_OF_COHORT =
            "SELECT id AS grp, target, ends_on FROM cohort WHERE id = :cohortId";
    /** Each site's cohorts counted (see {@link Population#cohortsCounted}): their targets and their latest end. */
    private static final String TARGETS_OF_SITES =
            "SELECT c.site_code AS grp, sum(c.target) AS target, max(c.ends_on) AS ends_on FROM cohort c WHERE "
                    + CountingRules.inScope("c.site_code") + "%s GROUP BY c.site_code";

    /** How many of a group's records fall under one category (a source, a priority, a state, a kind). */
    public record Count(String group, String category, int n) {}

    /** How many of a group's referrals were received on one day and reviewed on another. */
    public record Review(String group, String priority, LocalDate receivedOn, LocalDate reviewedOn, int n) {}

    /** How many of a group's people first reached 'enrolled' in a month. */
    public record MonthCount(String group, YearMonth month, int n) {}

    /** A group's enrolment target, and the day its last cohort ends. */
    public record Target(String group, int target, LocalDate endsOn) {}

    /** How many of a group's enrolments entered a state on one day and left it on another. */
    public record StateDays(String group, String state, LocalDate enteredOn, LocalDate leftOn, int n) {}

    /** A group's sessions of one month by outcome, with the sum and number of their engagement ratings. */
    public record Sessions(
            String group,
            YearMonth month,
            int attendedOrLate,
            int didNotAttend,
            int cancelledByParticipant,
            int cancelledByService,
            long engagementSum,
            int engagementRated) {}

    /** A group's onward referrals to one service, and how many got how far. */
    public record Onward(String group, String service, int made, int accepted, int engaged, int completed) {}

    /** Participants whose rating of one domain moved down, stayed, moved up. */
    public record Moved(int down, int same, int up) {}

    /** A group's participants with both a first assessment and a desistance review, and how each domain moved. */
    public record RiskMovement(String group, int compared, Map<String, Moved> byDomain) {}

    /** How many of a group's exits on one day were followed by a first reoffence on another (null: none yet). */
    public record FollowUp(String group, LocalDate exitOn, LocalDate reoffendedOn, int n) {}

    private final Population population;
    private final LocalDate from;
    private final LocalDate to;

    /** The figures of a population over the period from one day to another, both inclusive. */
    public CohortFiguresDao(Population population, LocalDate from, LocalDate to) {
        this.population = population;
        this.from = from;
        this.to = to;
    }

    /** Referrals received in the period, by source. */
    public List<Count> received(Handle handle) {
        return list(handle, population.with("ref") + RECEIVED, count("source"));
    }

    /** Referrals reviewed in the period, by priority and by their dates of receipt and review. */
    public List<Review> reviewed(Handle handle) {
        return list(
                handle,
                population.with("ref") + REVIEWED,
                (row, context) -> new Review(
                        row.getString("grp"),
                        row.getString("priority"),
                        LocalDate.parse(row.getString("received_on")),
                        LocalDate.parse(row.getString("reviewed_on")),
                        row.getInt("n")));
    }

    /** Enrolments by their current state. */
    public List<Count> enrolmentStates(Handle handle) {
        return list(handle, population.with("enr") + ENROLMENT_STATES, count("state"));
    }

    /** People by the month they first reached 'enrolled', up to the period's end. */
    public List<MonthCount> enrolledByMonth(Handle handle) {
        return list(
                handle,
                population.with("enr") + ENROLLED_BY_MONTH,
                (row, context) ->
                        new MonthCount(row.getString("grp"), YearMonth.parse(row.getString("month")), row.getInt("n")));
    }

    /** The cohort's target and end, or each site's: the sum of its cohorts' targets and the latest end. */
    public List<Target> targets(Handle handle) {
        return list(
                handle,
                population.isCohort() ? TARGETS_OF_COHORT : TARGETS_OF_SITES.formatted(population.cohortsCounted()),
                (row, context) -> new Target(
                        row.getString("grp"), row.getInt("target"), LocalDate.parse(row.getString("ends_on"))));
    }

    /** Exits in the period that were drop-outs, by the category of the reason they ended with. */
    public List<Count> droppedOut(Handle handle) {
        return list(handle, population.with("enr") + DROPPED_OUT, count("reason"));
    }

    /** Moves out of 'referred' and 'assessing' dated in the period, by state and the dates in and out. */
    public List<StateDays> daysInState(Handle handle) {
        return list(
                handle,
                population.with("enr") + DAYS_IN_STATE,
                (row, context) -> new StateDays(
                        row.getString("grp"),
                        row.getString("state"),
                        LocalDate.parse(row.getString("entered_on")),
                        LocalDate.parse(row.getString("left_on")),
                        row.getInt("n")));
    }

    /** Exits in the period by the state they ended in. */
    public List<Count> exits(Handle handle) {
        return list(handle, population.with("enr") + EXITS, count("state"));
    }

    /** Sessions by month, from the running totals (a cohort's, or each site's). */
    public List<Sessions> sessions(Handle handle) {
        return list(
                handle,
                population.isCohort() ? SESSIONS : SESSIONS_FROM_TOTALS,
                (row, context) -> new Sessions(
                        row.getString("grp"),
                        YearMonth.parse(row.getString("month")),
                        row.getInt("attended_or_late"),
                        row.getInt("did_not_attend"),
                        row.getInt("cancelled_by_participant"),
                        row.getInt("cancelled_by_service"),
                        row.getLong("engagement_sum"),
                        row.getInt("engagement_rated")));
    }

    /** Onward referrals made in the period, by service, and how far they got by its end. */
    public List<Onward> onward(Handle handle) {
        return list(
                handle,
                population.with("pop") + ONWARD,
                (row, context) -> new Onward(
                        row.getString("grp"),
                        row.getString("service"),
                        row.getInt("made"),
                        row.getInt("accepted"),
                        row.getInt("engaged"),
                        row.getInt("completed")));
    }

    /** Each domain's movement from the first assessment to the latest desistance review. */
    public List<RiskMovement> riskMovement(Handle handle) {
        return list(handle, population.with("pop") + RISK, (row, context) -> {
            Map<String, Moved> byDomain = new LinkedHashMap<>();
            for (String domain : DOMAINS) {
                byDomain.put(
                        domain,
                        new Moved(
                                row.getInt(domain + "_down"),
                                row.getInt(domain + "_same"),
                                row.getInt(domain + "_up")));
            }
            return new RiskMovement(row.getString("grp"), row.getInt("compared"), byDomain);
        });
    }

    /** Incidents in the period during an enrolment, by kind. */
    public List<Count> incidents(Handle handle) {
        return list(handle, population.with("enr") + INCIDENTS, count("kind"));
    }

    /** Exits in the period, each with the first reoffence after it. */
    public List<FollowUp> followUp(Handle handle) {
        return list(handle, population.with("enr") + FOLLOW_UP, (row, context) -> {
            String reoffended = row.getString("reoffended_on");
            return new FollowUp(
                    row.getString("grp"),
                    LocalDate.parse(row.getString("exit_on")),
                    reoffended == null ? null : LocalDate.parse(reoffended),
                    row.getInt("n"));
        });
    }

    /** Constants as an SQL list: ('a', 'b'). */
    private static String sqlList(List<String> values) {
        return "('" + String.join("', '", values) + "')";
    }

    private static RowMapper<Count> count(String category) {
        return (row, context) -> new Count(row.getString("grp"), row.getString(category), row.getInt("n"));
    }

    private <T> List<T> list(Handle handle, String sql, RowMapper<T> mapper) {
        return population
                .bind(handle.createQuery(sql))
                .bind("from", from)
                .bind("to", to)
                .map(mapper)
                .list();
    }
}
