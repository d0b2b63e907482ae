package org.desist.cohortreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.desist.enrolment.EnrolmentState;
import org.desist.incident.IncidentKind;
import org.desist.onward.OnwardService;
import org.desist.readmodel.CohortFiguresDao;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.session.Attendance;

/**
 * Every figure of one group, derived from its {@link Tally} over a period: the arithmetic half of each
 * figure's one definition (the SQL half is in {@link CohortFiguresDao}). Breakdowns list every category,
 * zeros included, so the CSV is a complete grid; each breakdown is declared with its total so that
 * {@link Suppression} can protect it.
 */
final class FigureSheet {
    static final List<String> EXIT_STATES = List.of("completed", "withdrawn", "disengaged", "breached", "transferred");
    static final int[] FOLLOW_UP_MONTHS = {6, 12, 24};

    private final ReportingPeriod period;
    private final LocalDate today;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Suppression.Partition> partitions = new ArrayList<>();

    private FigureSheet(ReportingPeriod period, LocalDate today) {
        this.period = period;
        this.today = today;
    }

    static FigureSheet of(Tally tally, ReportingPeriod period, LocalDate today) {
        FigureSheet sheet = new FigureSheet(period, today);
        sheet.referrals(tally);
        sheet.enrolment(tally);
        sheet.sessions(tally);
        sheet.onwardReferrals(tally);
        sheet.riskMovement(tally);
        sheet.incidents(tally);
        sheet.reoffending(tally);
        return sheet;
    }

    /** The published rows, suppressed unless {@code suppress} is false. */
    List<FigureRow> rows(String groupType, String group, boolean suppress) {
        if (suppress) {
            Suppression.apply(cells, partitions);
        }
        return cells.stream()
                .filter(cell -> cell.published)
                .map(cell -> new FigureRow(
                        cell.figure.name(),
                        cell.figure.measure().name(),
                        cell.breakdownBy,
                        cell.breakdown,
                        groupType,
                        group,
                        cell.period.from(),
                        cell.period.to(),
                        shown(cell),
                        cell.suppression))
                .toList();
    }

    // ------------------------------------------------------------------ the figures

    private void referrals(Tally tally) {
        breakdown(Figure.referrals_received, "source", names(ReferralSource.values()), tally.receivedBySource, period);
        Cell reviewed = breakdown(
                Figure.referrals_reviewed, "priority", names(Priority.values()), tally.reviewedByPriority, period);
        derived(Figure.median_days_to_review, null, null, period, Quantiles.median(tally.daysToReview), reviewed);
    }

    private void enrolment(Tally tally) {
        breakdown(
                Figure.enrolments,
                "state",
                names(EnrolmentState.values()),
                tally.enrolmentsByState,
                new ReportingPeriod(today, today));
        int enrolled = 0;
        for (Map.Entry<YearMonth, Integer> month : tally.enrolledInMonth.entrySet()) {
            if (month.getKey().isBefore(YearMonth.from(period.from()))) {
                enrolled += month.getValue();
            }
        }
        for (YearMonth month : period.months()) {
            enrolled += tally.enrolledInMonth.getOrDefault(month, 0);
            if (monthly()) {
                count(Figure.enrolled_to_date, null, null, period.within(month), enrolled);
            }
        }
        Cell enrolledToDate = count(Figure.enrolled_to_date, null, null, period, enrolled);
        add(new Cell(Figure.enrolment_target, null, null, period, tally.target, true, List.of()));
        pace(tally, enrolledToDate);
        timeInState(tally);
        Cell exits = breakdown(Figure.exits, "state", EXIT_STATES, tally.exitsByState, period);
        derived(
                Figure.completion_rate,
                null,
                null,
                period,
                rate(tally.exitsByState.getOrDefault("completed", 0), exits.count()),
                part(exits, "completed"),
                exits);
        breakdown(Figure.dropped_out, "reason", CohortFiguresDao.DROP_OUT_REASONS, tally.droppedOutByReason, period);
    }

    /**
     * Pace to target, as of today: the calendar months from this month to the month the last cohort counted
     * ends, both counted (0 once it has ended), and the enrolments a month still needed to reach the target
     * (none when there is no month left to need them in). The shortfall is worked out from enrolled to date,
     * so the pace is withheld whenever that is.
     */
    private void pace(Tally tally, Cell enrolledToDate) {
        Long monthsLeft = tally.endsOn == null ? null : monthsLeft(today, tally.endsOn);
        add(new Cell(Figure.months_left, null, null, period, monthsLeft, true, List.of()));
        Double needed = monthsLeft == null || monthsLeft == 0
                ? null
                : Math.max(0, tally.target - enrolledToDate.count()) / (double) monthsLeft;
        derived(Figure.enrolments_needed_per_month, null, null, period, needed, enrolledToDate);
    }

    static long monthsLeft(LocalDate today, LocalDate endsOn) {
        return endsOn.isBefore(today)
                ? 0
                : ChronoUnit.MONTHS.between(YearMonth.from(today), YearMonth.from(endsOn)) + 1;
    }

    /**
     * The median and quartiles of the days spent in 'referred' and in 'assessing', of the moves out of each
     * dated in the period; withheld when fewer than five moves make them (the number is not published itself).
     */
    private void timeInState(Tally tally) {
        for (String state : CohortFiguresDao.TIMED_STATES) {
            Map<Integer, Integer> days = tally.daysInState.getOrDefault(state, Map.of());
            Cell moves = hidden(Quantiles.size(days));
            derived(Figure.lower_quartile_days_in_state, "state", state, period, Quantiles.quantile(days, 0.25), moves);
            derived(Figure.median_days_in_state, "state", state, period, Quantiles.median(days), moves);
            derived(Figure.upper_quartile_days_in_state, "state", state, period, Quantiles.quantile(days, 0.75), moves);
        }
    }

    /** Attendance as the progress read model defines it ({@link Attendance}), month by month and over the period. */
    private void sessions(Tally tally) {
        Tally.Outcomes whole = new Tally.Outcomes();
        List<List<Cell>> months = new ArrayList<>();
        for (YearMonth month : period.months()) {
            Tally.Outcomes outcomes = tally.sessionsByMonth.getOrDefault(month, new Tally.Outcomes());
            whole.add(outcomes);
            if (monthly()) {
                months.add(sessions(outcomes, period.within(month)));
            }
        }
        if (!monthly()) {
            sessions(whole, period);
            return;
        }
        List<Cell> total = sessions(whole, period);
        for (int i = 0; i < total.size(); i++) {
            int column = i;
            partitions.add(new Suppression.Partition(
                    total.get(i),
                    months.stream().map(cells -> cells.get(column)).toList()));
        }
    }

    /** The session counts of one period: offered (total, then by outcome) and cancelled by the service. */
    private List<Cell> sessions(Tally.Outcomes outcomes, ReportingPeriod when) {
        Attendance attendance =
                Attendance.ofCounts(outcomes.attendedOrLate, outcomes.didNotAttend, outcomes.cancelledByParticipant);
        Cell offered = count(Figure.sessions_offered, null, null, when, attendance.offered());
        Cell attended = count(Figure.sessions_offered, "outcome", "attended_or_late", when, attendance.attended());
        Cell missed = count(Figure.sessions_offered, "outcome", "did_not_attend", when, attendance.didNotAttend());
        Cell cancelled = count(
                Figure.sessions_offered,
                "outcome",
                "cancelled_by_participant",
                when,
                attendance.cancelledByParticipant());
        partitions.add(new Suppression.Partition(offered, List.of(attended, missed, cancelled)));
        Cell byService = count(Figure.sessions_cancelled_by_service, null, null, when, outcomes.cancelledByService);
        derived(Figure.attendance_rate, null, null, when, attendance.rate(), attended, offered);
        Cell rated = hidden(outcomes.engagementRated);
        derived(
                Figure.mean_engagement,
                null,
                null,
                when,
                outcomes.engagementRated == 0 ? null : (double) outcomes.engagementSum / outcomes.engagementRated,
                rated);
        return List.of(offered, attended, missed, cancelled, byService);
    }

    private void onwardReferrals(Tally tally) {
        List<String> services = names(OnwardService.values());
        Map<Figure, ToIntFunction<Tally.Onward>> stages = new LinkedHashMap<>();
        stages.put(Figure.onward_referrals_made, onward -> onward.made);
        stages.put(Figure.onward_referrals_accepted, onward -> onward.accepted);
        stages.put(Figure.onward_referrals_engaged, onward -> onward.engaged);
        stages.put(Figure.onward_referrals_completed, onward -> onward.completed);
        Map<Figure, Cell> totals = new LinkedHashMap<>();
        stages.forEach((figure, stage) -> {
            Map<String, Integer> byService = new TreeMap<>();
            tally.onwardByService.forEach((service, onward) -> byService.put(service, stage.applyAsInt(onward)));
            totals.put(figure, breakdown(figure, "service", services, byService, period));
        });
        Cell made = totals.get(Figure.onward_referrals_made);
        Cell engaged = totals.get(Figure.onward_referrals_engaged);
        derived(Figure.onward_referral_uptake, null, null, period, rate(engaged.count(), made.count()), engaged, made);
    }

    private void riskMovement(Tally tally) {
        Cell compared = count(Figure.risk_compared, null, null, period, tally.riskCompared);
        for (String domain : CohortFiguresDao.DOMAINS) {
            int[] moved = tally.riskMovement.getOrDefault(domain, new int[3]);
            partitions.add(new Suppression.Partition(
                    compared,
                    List.of(
                            count(Figure.risk_moved_down, "domain", domain, period, moved[0]),
                            count(Figure.risk_stayed, "domain", domain, period, moved[1]),
                            count(Figure.risk_moved_up, "domain", domain, period, moved[2]))));
        }
    }

    private void incidents(Tally tally) {
        breakdown(
                Figure.incidents_during_programme, "kind", names(IncidentKind.values()), tally.incidentsByKind, period);
    }

    /**
     * Per window of 6, 12 and 24 calendar months after exit: the exits followed up that long (exit date +
     * window on or before today) and, of those, the ones with a reoffence on or before exit + window.
     */
    private void reoffending(Tally tally) {
        for (int months : FOLLOW_UP_MONTHS) {
            int followed = 0;
            int reoffended = 0;
            for (Map.Entry<Tally.FollowUp, Integer> exit : tally.exitsFollowed.entrySet()) {
                LocalDate windowEnd = exit.getKey().exitOn().plusMonths(months);
                if (windowEnd.isAfter(today)) {
                    continue;
                }
                followed += exit.getValue();
                LocalDate reoffendedOn = exit.getKey().reoffendedOn();
                if (reoffendedOn != null && !reoffendedOn.isAfter(windowEnd)) {
                    reoffended += exit.getValue();
                }
            }
            String window = months + "_months";
            Cell followedUp = count(Figure.exits_followed_up, "window", window, period, followed);
            Cell reoffenders = count(Figure.reoffended, "window", window, period, reoffended);
            derived(
                    Figure.reoffending_rate,
                    "window",
                    window,
                    period,
                    rate(reoffended, followed),
                    reoffenders,
                    followedUp);
        }
        add(new Cell(Figure.reoffending_baseline, null, null, period, Figure.REOFFENDING_BASELINE, true, List.of()));
    }

    // ------------------------------------------------------------------ building blocks

    /** Month by month only when the period spans more than one month: otherwise the month is the period. */
    private boolean monthly() {
        return period.months().size() > 1;
    }

    /** A total and its parts, one per category (zeros included), declared as a partition. */
    private Cell breakdown(
            Figure figure, String by, List<String> categories, Map<String, Integer> counts, ReportingPeriod when) {
        Cell total = count(
                figure,
                null,
                null,
                when,
                categories.stream().mapToInt(c -> counts.getOrDefault(c, 0)).sum());
        List<Cell> parts = categories.stream()
                .map(category -> count(figure, by, category, when, counts.getOrDefault(category, 0)))
                .toList();
        partitions.add(new Suppression.Partition(total, parts));
        return total;
    }

    private Cell part(Cell total, String category) {
        return cells.stream()
                .filter(cell -> cell.figure == total.figure
                        && category.equals(cell.breakdown)
                        && cell.period.equals(total.period))
                .findFirst()
                .orElseThrow();
    }

    private Cell count(Figure figure, String by, String category, ReportingPeriod when, long value) {
        return add(new Cell(figure, by, category, when, value, true, List.of()));
    }

    private Cell hidden(long value) {
        return add(new Cell(null, null, null, period, value, false, List.of()));
    }

    private Cell derived(
            Figure figure, String by, String category, ReportingPeriod when, Double value, Cell... inputs) {
        return add(new Cell(figure, by, category, when, value, true, Arrays.asList(inputs)));
    }

    private Cell add(Cell cell) {
        cells.add(cell);
        return cell;
    }

    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Object shown(Cell cell) {
        if (cell.suppression != null) {
            return cell.suppression == Suppression.small_number ? Suppression.SMALL_NUMBER_SHOWN_AS : null;
        }
        if (cell.value == null) {
            return null;
        }
        return switch (cell.figure.measure()) {
            case count, target -> cell.value.longValue();
            case rate, baseline -> round(cell.value.doubleValue(), 4);
            case mean -> round(cell.value.doubleValue(), 2);
            case median_days, days, pace -> round(cell.value.doubleValue(), 1);
            case months -> cell.value.longValue();
        };
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }
}
