package org.desist.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.desist.cohortreport.ReportingPeriod;

/**
 * What the programme lead's pages draw: the same charts for the sites side by side and for one cohort, the
 * cohort's figures month by month, and the table of every figure with a column per site. Figures are named as in
 * the JSON; one this build does not count yet has no rows and so no chart or line.
 */
public final class Dashboard {
    /** The ChartStyle's colours for risk movement are keyed by these names, as in the PDFs. */
    private static final String DOWN = "Improved (risk down)";

    private static final String SAME = "Stayed";
    private static final String UP = "Worsened (risk up)";
    private static final List<String> DOMAINS = List.of("violence", "persistence", "recurrence", "psychosocial_damage");

    private final FigureRows rows;
    private final Charts charts;

    public Dashboard(FigureRows rows, Definitions definitions) {
        this.rows = rows;
        this.charts = new Charts(rows, definitions);
    }

    /** The charts over the whole period, a bar per category (each site, or the one cohort). */
    public List<Chart> period(List<Charts.Category> categories) {
        List<Optional<Chart>> drawn = new ArrayList<>();
        drawn.add(charts.bars(
                "enrolled",
                "Enrolled to date against target",
                false,
                List.of(
                        new Charts.Series("enrolled", "enrolled_to_date", null),
                        new Charts.Series("target", "enrolment_target", null)),
                categories));
        drawn.add(charts.bars(
                "attendance", "Attendance rate", true, List.of(total("attendance", "attendance_rate")), categories));
        drawn.add(charts.bars(
                "uptake",
                "Onward referral uptake",
                true,
                List.of(total("uptake", "onward_referral_uptake")),
                categories));
        drawn.add(charts.bars(
                "dropped-out",
                "Dropped out, by reason",
                false,
                parts("dropped_out", rows.breakdowns("dropped_out")),
                categories));
        for (String domain : DOMAINS) {
            drawn.add(charts.bars(
                    "risk-" + domain.replace('_', '-'),
                    "Risk of " + words(domain) + ", first assessment to latest review",
                    false,
                    List.of(
                            new Charts.Series(DOWN, "risk_moved_down", domain),
                            new Charts.Series(SAME, "risk_stayed", domain),
                            new Charts.Series(UP, "risk_moved_up", domain)),
                    categories));
        }
        drawn.add(charts.bars(
                "incidents",
                "Incidents during the programme",
                false,
                List.of(total("incidents", "incidents_during_programme")),
                categories));
        List<Charts.Series> reoffending = new ArrayList<>();
        for (String window : rows.breakdowns("reoffending_rate")) {
            reoffending.add(new Charts.Series(words(window) + " months", "reoffending_rate", window));
        }
        reoffending.add(new Charts.Series("baseline", "reoffending_baseline", null));
        drawn.add(charts.bars(
                "reoffending", "Reoffending after exit, by follow-up window", true, reoffending, categories));
        drawn.add(charts.bars(
                "days-in-state",
                "Median days in each state before moving on",
                false,
                parts("median_days_in_state", rows.breakdowns("median_days_in_state")),
                categories));
        return drawn.stream().flatMap(Optional::stream).toList();
    }

    /** One cohort's figures by month: enrolled against the target, sessions by outcome, attendance. */
    public List<Chart> monthly(String group, ReportingPeriod period) {
        List<Optional<Chart>> drawn = new ArrayList<>();
        drawn.add(charts.months(
                "enrolled-by-month",
                "Enrolled to date by month, against the target",
                false,
                List.of(total("enrolled", "enrolled_to_date")),
                group,
                period,
                total("target", "enrolment_target")));
        drawn.add(charts.months(
                "sessions-by-month",
                "Sessions offered by outcome, by month",
                false,
                parts("sessions_offered", rows.breakdowns("sessions_offered")),
                group,
                period,
                null));
        drawn.add(charts.months(
                "attendance-by-month",
                "Attendance rate by month",
                true,
                List.of(total("attendance", "attendance_rate")),
                group,
                period,
                null));
        return drawn.stream().flatMap(Optional::stream).toList();
    }

    /** Every figure the lead asked to see side by side: a line each, a cell per category. */
    public List<Chart.Line> summary(List<Charts.Category> categories) {
        List<Chart.Line> lines = new ArrayList<>();
        line(lines, categories, "Enrolled to date", "enrolled_to_date", null);
        line(lines, categories, "Target", "enrolment_target", null);
        line(lines, categories, "Months left", "months_left", null);
        line(lines, categories, "Enrolments needed per month", "enrolments_needed_per_month", null);
        line(lines, categories, "Active (enrolled now)", "enrolments", "enrolled");
        line(lines, categories, "Completed", "exits", "completed");
        line(lines, categories, "Dropped out", "dropped_out", null);
        for (String reason : rows.breakdowns("dropped_out")) {
            line(lines, categories, "Dropped out: " + words(reason), "dropped_out", reason);
        }
        line(lines, categories, "Attendance rate", "attendance_rate", null);
        line(lines, categories, "Onward referral uptake", "onward_referral_uptake", null);
        for (String domain : DOMAINS) {
            line(lines, categories, "Risk of " + words(domain) + ": down", "risk_moved_down", domain);
            line(lines, categories, "Risk of " + words(domain) + ": same", "risk_stayed", domain);
            line(lines, categories, "Risk of " + words(domain) + ": up", "risk_moved_up", domain);
        }
        line(lines, categories, "Incidents during the programme", "incidents_during_programme", null);
        for (String window : rows.breakdowns("reoffending_rate")) {
            line(lines, categories, "Reoffending within " + words(window) + " months", "reoffending_rate", window);
            line(lines, categories, "Followed up " + words(window) + " months", "exits_followed_up", window);
        }
        line(lines, categories, "Reoffending baseline", "reoffending_baseline", null);
        for (String state : rows.breakdowns("median_days_in_state")) {
            line(lines, categories, "Days " + words(state) + ": median", "median_days_in_state", state);
            line(lines, categories, "Days " + words(state) + ": lower quartile", "lower_quartile_days_in_state", state);
            line(lines, categories, "Days " + words(state) + ": upper quartile", "upper_quartile_days_in_state", state);
        }
        return lines;
    }

    private void line(
            List<Chart.Line> lines, List<Charts.Category> categories, String label, String figure, String part) {
        if (!rows.has(figure)) {
            return;
        }
        List<Chart.Cell> cells = new ArrayList<>();
        for (Charts.Category category : categories) {
            var row = rows.whole(figure, part, category.group()).orElse(null);
            cells.add(new Chart.Cell(
                    figure,
                    part,
                    row == null ? null : row.periodStart().toString(),
                    row == null ? null : row.periodEnd().toString(),
                    Shown.of(row)));
        }
        lines.add(new Chart.Line(label, null, cells));
    }

    private static Charts.Series total(String name, String figure) {
        return new Charts.Series(name, figure, null);
    }

    private static List<Charts.Series> parts(String figure, List<String> categories) {
        return categories.stream()
                .map(category -> new Charts.Series(words(category), figure, category))
                .toList();
    }

    private static String words(String name) {
        return name.replace("_months", "").replace('_', ' ');
    }
}
