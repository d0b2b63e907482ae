package org.desist.cohortreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import net.sf.jasperreports.pdf.PdfExporterConfiguration;
import org.desist.pdf.PdfExport;
import org.desist.pdf.PrintedDate;
import org.desist.pdf.ReportTemplates;

/**
 * The cohort report as a PDF, from reports/cohort-report.jrxml with the shared page head and foot, as the
 * build compiled it ({@link ReportTemplates}). It prints the report's rows as they are (already suppressed, or not):
 * tables of the period's figures, charts of cumulative enrolment against target, enrolments by state,
 * attendance by month and risk movement per domain ({@link ChartStyle} draws withheld values as such), and
 * the method note.
 */
public class CohortReportPdf {
    static final String TEMPLATE = "cohort-report";
    private static final String AUTHOR = "Desist";

    private final ReportTemplates templates;
    private final PdfExport export;
    private final JasperReport template;

    public CohortReportPdf(ReportTemplates templates, PdfExport export) {
        this.templates = templates;
        this.export = export;
        this.template = templates.report(TEMPLATE);
    }

    /**
     * The PDF; {@code generated} is the "Generated ... by ..." line at the foot of every page, {@code disclosed}
     * the "Disclosed to ..." line under it.
     */
    public byte[] render(CohortReport report, String generated, String disclosed) {
        JasperPrint print = fill(report, generated, disclosed);
        return export.export(print, about(print));
    }

    /** What a filled report says about itself in its PDF's metadata, as {@link #describe} set it. */
    static PdfExport.About about(JasperPrint print) {
        return new PdfExport.About(
                print.getProperty(PdfExporterConfiguration.PROPERTY_METADATA_TITLE),
                print.getProperty(PdfExporterConfiguration.PROPERTY_METADATA_SUBJECT));
    }

    /** The report laid out, before it is exported: what tests read the charts from. */
    JasperPrint fill(CohortReport report, String generated, String disclosed) {
        Rows rows = new Rows(report.figures());
        ReportingPeriod period = new ReportingPeriod(report.from(), report.to());
        CohortReport.Header cohort = report.cohort();
        String title = "Cohort report: " + cohort.name();
        String subtitle = cohort.siteName() + " (" + cohort.siteCode() + "), "
                + label(cohort.model().name()) + " model";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("DESIST_STYLES", templates.styles());
        parameters.put("REFERENCE", "Cohort " + cohort.name());
        parameters.put("GENERATED", generated);
        parameters.put("DISCLOSED", disclosed);
        parameters.put("title", title);
        parameters.put("subtitle", subtitle);
        parameters.put(
                "period",
                "Cohort " + PrintedDate.day(cohort.startsOn()) + " to " + PrintedDate.day(cohort.endsOn())
                        + ", target " + cohort.target() + ". Figures for " + PrintedDate.day(report.from()) + " to "
                        + PrintedDate.day(report.to()) + ", as at " + PrintedDate.day(report.asOf()) + ".");
        parameters.put("suppressionNote", suppressionNote(report.smallNumbersSuppressed()));
        chart(parameters, "enrolment", "cumulative enrolment against target, by month", "", enrolment(rows, period));
        chart(
                parameters,
                "states",
                "enrolments by state now",
                "",
                rows.breakdown(Figure.enrolments, "state").stream()
                        .map(row -> ChartPoint.of("enrolments", label(row.breakdown()), row))
                        .toList());
        chart(
                parameters,
                "attendance",
                "attendance by month, as a percentage of sessions offered",
                "%",
                period.months().stream()
                        .map(month -> ChartPoint.monthly(
                                ChartPoint.ATTENDANCE,
                                month,
                                rows.monthly(Figure.attendance_rate, monthOf(period, month))))
                        .toList());
        chart(
                parameters,
                "risk",
                "risk movement per domain, first assessment to latest desistance review",
                "",
                risk(rows));
        List<FigureLine> lines = lines(report.from(), report.to(), report.asOf(), rows);
        MethodNote.paragraphs().forEach(paragraph -> lines.add(FigureLine.note(MethodNote.HEADING, paragraph)));
        try {
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(template, parameters, new JRBeanCollectionDataSource(lines));
            describe(
                    print,
                    "Cohort report \u2014 " + cohort.name(),
                    "Figures of cohort " + cohort.name() + " at " + cohort.siteName() + ", "
                            + PrintedDate.day(report.from()) + " to " + PrintedDate.day(report.to()));
            return print;
        } catch (JRException e) {
            throw new IllegalStateException("Could not fill the cohort report", e);
        }
    }

    /** A chart's points, and the same in words: the alternate text of its image in the tagged PDF. */
    static void chart(Map<String, Object> parameters, String name, String title, String unit, List<ChartPoint> points) {
        parameters.put(name, new JRBeanCollectionDataSource(points));
        parameters.put(name + "Words", ChartDescription.of(title, unit, points));
    }

    /** The PDF's title, author and subject, as the print's properties: the exporter reads them from there. */
    static void describe(JasperPrint print, String title, String subject) {
        print.setProperty(PdfExporterConfiguration.PROPERTY_METADATA_TITLE, title);
        print.setProperty(PdfExporterConfiguration.PROPERTY_METADATA_AUTHOR, AUTHOR);
        print.setProperty(PdfExporterConfiguration.PROPERTY_METADATA_SUBJECT, subject);
        print.setProperty(PdfExporterConfiguration.PROPERTY_METADATA_CREATOR, AUTHOR);
    }

    public static String suppressionNote(boolean suppressed) {
        return suppressed
                ? "Small numbers are suppressed: a count from 1 to 4 is shown as <5 (in charts, a pale dashed bar"
                        + " reaching 4), and [c] marks a value withheld so that a small number cannot be worked out from it."
                : "UNSUPPRESSED: counts from 1 to 4 are shown as they are. Not for publication; this copy was"
                        + " audited as an export.";
    }

    private static List<ChartPoint> enrolment(Rows rows, ReportingPeriod period) {
        Double target = number(rows.total(Figure.enrolment_target, period));
        List<ChartPoint> points = new ArrayList<>();
        for (YearMonth month : period.months()) {
            points.add(ChartPoint.monthly(
                    "enrolled to date", month, rows.monthly(Figure.enrolled_to_date, monthOf(period, month))));
        }
        for (YearMonth month : period.months()) {
            points.add(ChartPoint.level(ChartPoint.TARGET, month, target));
        }
        return points;
    }

    /** A month's part of the period; a period within one month has no monthly rows, its own rows stand for it. */
    private static ReportingPeriod monthOf(ReportingPeriod period, YearMonth month) {
        return period.months().size() == 1 ? period : period.within(month);
    }

    /** Every domain with all three movements, withheld ones included: a chart of "stayed" alone reads as "nobody improved". */
    private static List<ChartPoint> risk(Rows rows) {
        List<ChartPoint> points = new ArrayList<>();
        Map<Figure, String> movements = new LinkedHashMap<>();
        movements.put(Figure.risk_moved_down, ChartPoint.IMPROVED);
        movements.put(Figure.risk_stayed, ChartPoint.STAYED);
        movements.put(Figure.risk_moved_up, ChartPoint.WORSENED);
        movements.forEach((figure, movement) -> {
            for (FigureRow row : rows.breakdown(figure, "domain")) {
                points.add(ChartPoint.of(movement, label(row.breakdown()), row));
            }
        });
        return points;
    }

    /** The tables: every figure over the whole period (and enrolments as they stand now); months are in the charts. */
    public static List<FigureLine> lines(LocalDate from, LocalDate to, LocalDate asOf, Rows rows) {
        List<FigureLine> lines = new ArrayList<>();
        String totalOf = null;
        for (FigureRow row : rows.all()) {
            boolean whole = row.periodStart().equals(from) && row.periodEnd().equals(to);
            boolean now = row.periodStart().equals(asOf)
                    && row.periodEnd().equals(asOf)
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
            case enrolments,
                    enrolled_to_date,
                    enrolment_target,
                    months_left,
                    enrolments_needed_per_month,
                    median_days_in_state,
                    lower_quartile_days_in_state,
                    upper_quartile_days_in_state,
                    exits,
                    completion_rate,
                    dropped_out -> "Enrolment and exits";
            case sessions_offered, sessions_cancelled_by_service, attendance_rate, mean_engagement ->
                "Sessions and attendance";
            case onward_referrals_made,
                    onward_referrals_accepted,
                    onward_referrals_engaged,
                    onward_referrals_completed,
                    onward_referral_uptake -> "Onward referrals";
            case risk_compared, risk_moved_down, risk_stayed, risk_moved_up ->
                "Risk movement: first assessment to latest desistance review";
            case incidents_during_programme, exits_followed_up, reoffended, reoffending_rate, reoffending_baseline ->
                "Incidents and reoffending after exit";
        };
    }

    /** A row's value as printed: "<5" or "[c]" when withheld, percentages for rates, "-" for no value. */
    public static String shown(FigureRow row) {
        if (row.suppressed() != null) {
            return row.suppressed() == Suppression.small_number
                    ? Suppression.SMALL_NUMBER_SHOWN_AS
                    : Suppression.WITHHELD_SHOWN_AS;
        }
        if (row.value() == null) {
            return "-";
        }
        BigDecimal value = new BigDecimal(row.value().toString());
        return switch (Figure.Measure.valueOf(row.measure())) {
            case count, target -> value.toPlainString();
            case rate, baseline -> value.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
            case median_days, days -> value.toPlainString() + " days";
            case months -> value.toPlainString() + " months";
            case pace -> value.toPlainString() + " a month";
            case mean -> value.toPlainString();
        };
    }

    static Double number(FigureRow row) {
        return row == null || !(row.value() instanceof Number number) ? null : number.doubleValue();
    }

    public static String label(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The report's rows, found by figure, breakdown and period. */
    public static final class Rows {
        private final Map<List<Object>, FigureRow> byKey = new LinkedHashMap<>();

        public Rows(List<FigureRow> rows) {
            rows.forEach(row -> byKey.put(key(row.figure(), row.breakdown(), row.periodStart(), row.periodEnd()), row));
        }

        List<FigureRow> all() {
            return List.copyOf(byKey.values());
        }

        public FigureRow total(Figure figure, ReportingPeriod period) {
            return byKey.get(key(figure.name(), null, period.from(), period.to()));
        }

        FigureRow monthly(Figure figure, ReportingPeriod month) {
            return total(figure, month);
        }

        /** A figure's row over the period: its total, or one part of its breakdown. */
        FigureRow find(Figure figure, String breakdown, ReportingPeriod period) {
            return byKey.get(key(figure.name(), breakdown, period.from(), period.to()));
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
                if (row.figure().equals(figure.name())
                        && by.equals(row.breakdownBy())
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
