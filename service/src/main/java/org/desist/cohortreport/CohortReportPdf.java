package org.desist.cohortreport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;

/**
 * The cohort report as a PDF, from reports/cohort-report.jrxml, compiled once when the service starts.
 * It prints the report's rows as they are (already suppressed, or not): tables of the period's figures
 * and charts of cumulative enrolment against target, enrolments by state, attendance by month and risk
 * movement per domain. Withheld values are printed as "<5" or "[c]" and never drawn.
 */
public class CohortReportPdf {
    static final String TEMPLATE = "reports/cohort-report.jrxml";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final String[] MOVEMENTS = {"moved down", "stayed", "moved up"};

    private final JasperReport template;

    public CohortReportPdf() {
        try (InputStream jrxml = CohortReportPdf.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (jrxml == null) {
                throw new IllegalStateException(TEMPLATE + " is not on the class path");
            }
            template = JasperCompileManager.compileReport(jrxml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("Could not compile " + TEMPLATE, e);
        }
    }

    public byte[] render(CohortReport report) {
        try {
            return JasperExportManager.exportReportToPdf(fill(report));
        } catch (JRException e) {
            throw new IllegalStateException("Could not render the cohort report", e);
        }
    }

    /** The report laid out, before it is exported: what tests read the charts from. */
    JasperPrint fill(CohortReport report) {
        Rows rows = new Rows(report.figures());
        ReportingPeriod period = new ReportingPeriod(report.from(), report.to());
        CohortReport.Header cohort = report.cohort();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("title", "Cohort report: " + cohort.name());
        parameters.put("subtitle", cohort.siteName() + " (" + cohort.siteCode() + "), " + label(cohort.model().name())
                + " model");
        parameters.put("period", "Cohort " + DAY.format(cohort.startsOn()) + " to " + DAY.format(cohort.endsOn())
                + ", target " + cohort.target() + ". Figures for " + DAY.format(report.from()) + " to "
                + DAY.format(report.to()) + ", as at " + DAY.format(report.asOf()) + ".");
        parameters.put("suppressionNote", report.smallNumbersSuppressed()
                ? "Small numbers are suppressed: a count from 1 to 4 is shown as <5, and [c] marks a value withheld"
                + " so that a small number cannot be worked out from it. Withheld values are not drawn."
                : "UNSUPPRESSED: counts from 1 to 4 are shown as they are. Not for publication; this copy was"
                + " audited as an export.");
        parameters.put("footer", "Desist cohort report, " + cohort.name() + ", generated " + DAY.format(report.asOf())
                + ". Definitions: docs/metrics.md.");
        parameters.put("enrolment", new JRBeanCollectionDataSource(enrolment(rows, period)));
        parameters.put("states", new JRBeanCollectionDataSource(rows.breakdown(Figure.enrolments, "state").stream()
                .map(row -> new ChartPoint("enrolments", label(row.breakdown()), number(row))).toList()));
        parameters.put("attendance", new JRBeanCollectionDataSource(period.months().stream()
                .map(month -> ChartPoint.monthly("attendance", month,
                        percent(rows.monthly(Figure.attendance_rate, monthOf(period, month)))))
                .toList()));
        parameters.put("risk", new JRBeanCollectionDataSource(risk(rows)));
        try {
            return JasperFillManager.fillReport(template, parameters, new JRBeanCollectionDataSource(lines(report, rows)));
        } catch (JRException e) {
            throw new IllegalStateException("Could not fill the cohort report", e);
        }
    }

    private static List<ChartPoint> enrolment(Rows rows, ReportingPeriod period) {
        Double target = number(rows.total(Figure.enrolment_target, period));
        List<ChartPoint> points = new ArrayList<>();
        for (YearMonth month : period.months()) {
            points.add(ChartPoint.monthly("enrolled to date", month,
                    number(rows.monthly(Figure.enrolled_to_date, monthOf(period, month)))));
        }
        for (YearMonth month : period.months()) {
            points.add(ChartPoint.monthly("target", month, target));
        }
        return points;
    }

    /** A month's part of the period; a period within one month has no monthly rows, its own rows stand for it. */
    private static ReportingPeriod monthOf(ReportingPeriod period, YearMonth month) {
        return period.months().size() == 1 ? period : period.within(month);
    }

    private static List<ChartPoint> risk(Rows rows) {
        List<ChartPoint> points = new ArrayList<>();
        Figure[] figures = {Figure.risk_moved_down, Figure.risk_stayed, Figure.risk_moved_up};
        for (int i = 0; i < figures.length; i++) {
            for (FigureRow row : rows.breakdown(figures[i], "domain")) {
                points.add(new ChartPoint(MOVEMENTS[i], label(row.breakdown()), number(row)));
            }
        }
        return points;
    }

    /** The tables: every figure over the whole period (and enrolments as they stand now); months are in the charts. */
    private static List<FigureLine> lines(CohortReport report, Rows rows) {
        List<FigureLine> lines = new ArrayList<>();
        String totalOf = null;
        for (FigureRow row : rows.all()) {
            boolean whole = row.periodStart().equals(report.from()) && row.periodEnd().equals(report.to());
            boolean now = row.periodStart().equals(report.asOf()) && row.periodEnd().equals(report.asOf())
                    && row.figure().equals(Figure.enrolments.name());
            if (!whole && !now) {
                continue;
            }
            Figure figure = Figure.valueOf(row.figure());
            String label;
            if (row.breakdown() == null) {
                label = label(row.figure());
                totalOf = row.figure();
            } else if (row.figure().equals(totalOf)) {
                label = "      " + label(row.breakdownBy()) + ": " + label(row.breakdown());
            } else {
                // a figure given only by its breakdown (risk per domain, reoffending per window) names itself
                label = label(row.figure()) + ", " + row.breakdown().replace('_', ' ');
            }
            lines.add(new FigureLine(section(figure), label, now ? "now" : "period", shown(row)));
        }
        return lines;
    }

    static String section(Figure figure) {
        return switch (figure) {
            case referrals_received, referrals_reviewed, median_days_to_review -> "Referrals and the daily review";
            case enrolments, enrolled_to_date, enrolment_target, exits, completion_rate -> "Enrolment and exits";
            case sessions_offered, sessions_cancelled_by_service, attendance_rate, mean_engagement ->
                    "Sessions and attendance";
            case onward_referrals_made, onward_referrals_accepted, onward_referrals_engaged,
                    onward_referrals_completed -> "Onward referrals";
            case risk_compared, risk_moved_down, risk_stayed, risk_moved_up ->
                    "Risk movement: first assessment to latest desistance review";
            case incidents_during_programme, exits_followed_up, reoffended, reoffending_rate, reoffending_baseline ->
                    "Incidents and reoffending after exit";
        };
    }

    /** A row's value as printed: "<5" or "[c]" when withheld, percentages for rates, "-" for no value. */
    static String shown(FigureRow row) {
        if (row.suppressed() != null) {
            return row.suppressed() == Suppression.small_number ? Suppression.SMALL_NUMBER_SHOWN_AS : "[c]";
        }
        if (row.value() == null) {
            return "-";
        }
        BigDecimal value = new BigDecimal(row.value().toString());
        return switch (Figure.Measure.valueOf(row.measure())) {
            case count, target -> value.toPlainString();
            case rate, baseline -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
            case median_days -> value.toPlainString() + " days";
            case mean -> value.toPlainString();
        };
    }

    private static Double number(FigureRow row) {
        return row == null || !(row.value() instanceof Number number) ? null : number.doubleValue();
    }

    private static Double percent(FigureRow row) {
        Double rate = number(row);
        return rate == null ? null : rate * 100;
    }

    static String label(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The report's rows, found by figure, breakdown and period. */
    private static final class Rows {
        private final Map<List<Object>, FigureRow> byKey = new LinkedHashMap<>();

        Rows(List<FigureRow> rows) {
            rows.forEach(row -> byKey.put(key(row.figure(), row.breakdown(), row.periodStart(), row.periodEnd()), row));
        }

        List<FigureRow> all() {
            return List.copyOf(byKey.values());
        }

        FigureRow total(Figure figure, ReportingPeriod period) {
            return byKey.get(key(figure.name(), null, period.from(), period.to()));
        }

        FigureRow monthly(Figure figure, ReportingPeriod month) {
            return total(figure, month);
        }

        /** The breakdown rows of a figure over the report's whole period (or now, for enrolments). */
        List<FigureRow> breakdown(Figure figure, String by) {
            List<FigureRow> found = new ArrayList<>();
            LocalDate latestEnd = null;
            for (FigureRow row : byKey.values()) {
                if (row.figure().equals(figure.name()) && by.equals(row.breakdownBy())) {
                    if (latestEnd == null || row.periodEnd().isAfter(latestEnd)) {
                        latestEnd = row.periodEnd();
                    }
                }
            }
            for (FigureRow row : byKey.values()) {
                if (row.figure().equals(figure.name()) && by.equals(row.breakdownBy())
                        && Objects.equals(row.periodEnd(), latestEnd)) {
                    found.add(row);
                }
            }
            return found;
        }

        private static List<Object> key(String figure, String breakdown, LocalDate start, LocalDate end) {
            return Arrays.asList(figure, breakdown, start, end);
        }
    }
}
