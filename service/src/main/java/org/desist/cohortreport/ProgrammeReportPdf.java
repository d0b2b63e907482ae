package org.desist.cohortreport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;
import org.desist.pdf.PdfExport;
import org.desist.pdf.PrintedDate;
import org.desist.pdf.ReportTemplates;

/**
 * The programme report as a PDF, for programme leads: every site and model the caller covers side by
 * side, drawn from the programme comparison's own rows (the figures are computed once, by
 * {@link CohortFigures#comparison}); charts of enrolment against target, attendance, completion and
 * reoffending per group, a table of every figure with a column per group, and the method note.
 * reports/programme-report.jrxml, with the shared page head and foot, as the build compiled it.
 */
public class ProgrammeReportPdf {
    static final String TEMPLATE = "programme-report";
    /** Groups across one table: more than this and the table is repeated for the next ones. */
    static final int COLUMNS = 6;

    private final ReportTemplates templates;
    private final PdfExport export;
    private final JasperReport template;

    public ProgrammeReportPdf(ReportTemplates templates, PdfExport export) {
        this.templates = templates;
        this.export = export;
        this.template = templates.report(TEMPLATE);
    }

    public byte[] render(ProgrammeComparison comparison, String generated, String disclosed) {
        JasperPrint print = fill(comparison, generated, disclosed);
        return export.export(print, CohortReportPdf.about(print));
    }

    JasperPrint fill(ProgrammeComparison comparison, String generated, String disclosed) {
        ReportingPeriod period = new ReportingPeriod(comparison.from(), comparison.to());
        Map<ProgrammeComparison.Group, CohortReportPdf.Rows> groups = new LinkedHashMap<>();
        for (ProgrammeComparison.Group group : comparison.groups()) {
            groups.put(
                    group,
                    new CohortReportPdf.Rows(comparison.figures().stream()
                            .filter(row -> row.groupType().equals(group.groupType())
                                    && row.group().equals(group.group()))
                            .toList()));
        }
        String title = "Programme report";
        String subtitle = "Every site and model, " + PrintedDate.day(comparison.from()) + " to "
                + PrintedDate.day(comparison.to());
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("DESIST_STYLES", templates.styles());
        parameters.put("REFERENCE", PrintedDate.day(comparison.from()) + " to " + PrintedDate.day(comparison.to()));
        parameters.put("GENERATED", generated);
        parameters.put("DISCLOSED", disclosed);
        parameters.put("title", title);
        parameters.put("subtitle", subtitle);
        parameters.put(
                "period",
                "Sites, then models (each the sum of its sites). Figures as at " + PrintedDate.day(comparison.asOf())
                        + ". Cohorts counted: " + comparison.scope().label() + ".");
        parameters.put("suppressionNote", CohortReportPdf.suppressionNote(comparison.smallNumbersSuppressed()));
        CohortReportPdf.chart(
                parameters,
                "enrolment",
                "enrolled to date against target, by site and model",
                "",
                points(
                        groups,
                        period,
                        Figure.enrolled_to_date,
                        null,
                        "enrolled to date",
                        Figure.enrolment_target,
                        ChartPoint.TARGET));
        CohortReportPdf.chart(
                parameters,
                "attendance",
                "attendance, as a percentage of sessions offered",
                "%",
                points(groups, period, Figure.attendance_rate, null, ChartPoint.ATTENDANCE, null, null));
        CohortReportPdf.chart(
                parameters,
                "completion",
                "completion rate of exits",
                "%",
                points(groups, period, Figure.completion_rate, null, "completed", null, null));
        CohortReportPdf.chart(
                parameters,
                "reoffending",
                "reoffending within 12 months of exit, beside the baseline",
                "%",
                points(
                        groups,
                        period,
                        Figure.reoffending_rate,
                        "12_months",
                        "reoffended within 12 months",
                        Figure.reoffending_baseline,
                        ChartPoint.BASELINE));
        try {
            JasperPrint print = JasperFillManager.getInstance(templates.context())
                    .fill(template, parameters, new JRBeanCollectionDataSource(lines(comparison, groups)));
            CohortReportPdf.describe(
                    print,
                    title + " \u2014 " + PrintedDate.day(comparison.from()) + " to " + PrintedDate.day(comparison.to()),
                    subtitle + ": cohort figures side by side");
            return print;
        } catch (JRException e) {
            throw new IllegalStateException("Could not fill the programme report", e);
        }
    }

    /** One bar per group of a figure over the whole period, and another of a second figure beside it. */
    private static List<ChartPoint> points(
            Map<ProgrammeComparison.Group, CohortReportPdf.Rows> groups,
            ReportingPeriod period,
            Figure figure,
            String breakdown,
            String series,
            Figure beside,
            String besideSeries) {
        List<ChartPoint> points = new ArrayList<>();
        groups.forEach(
                (group, rows) -> points.add(ChartPoint.of(series, name(group), rows.find(figure, breakdown, period))));
        if (beside != null) {
            groups.forEach((group, rows) ->
                    points.add(ChartPoint.of(besideSeries, name(group), rows.find(beside, null, period))));
        }
        return points;
    }

    /** The table: the cohort report's lines for each group, side by side, a block of columns at a time. */
    private static List<ComparisonLine> lines(
            ProgrammeComparison comparison, Map<ProgrammeComparison.Group, CohortReportPdf.Rows> groups) {
        List<ProgrammeComparison.Group> all = List.copyOf(groups.keySet());
        List<ComparisonLine> lines = new ArrayList<>();
        for (int first = 0; first < all.size(); first += COLUMNS) {
            List<ProgrammeComparison.Group> block = all.subList(first, Math.min(all.size(), first + COLUMNS));
            List<String> columns = block.stream().map(ProgrammeReportPdf::name).toList();
            // lines matched by what they say, so that a group lacking a line shows "-" rather than shifting the rest
            Map<List<String>, FigureLine> shape = new LinkedHashMap<>();
            List<Map<List<String>, String>> byGroup = new ArrayList<>();
            for (ProgrammeComparison.Group group : block) {
                Map<List<String>, String> values = new HashMap<>();
                for (FigureLine line : CohortReportPdf.lines(
                        comparison.from(), comparison.to(), comparison.asOf(), groups.get(group))) {
                    List<String> key = List.of(line.getSection(), line.getLabel(), line.getPeriod());
                    shape.putIfAbsent(key, line);
                    values.put(key, line.getValue());
                }
                byGroup.add(values);
            }
            shape.forEach((key, line) -> lines.add(new ComparisonLine(
                    String.valueOf(block.get(0).group()),
                    line.getSection(),
                    line.getLabel(),
                    line.getPeriod(),
                    columns,
                    byGroup.stream()
                            .map(values -> values.getOrDefault(key, "-"))
                            .toList())));
        }
        MethodNote.paragraphs()
                .forEach(paragraph ->
                        lines.add(new ComparisonLine("note", MethodNote.HEADING, paragraph, null, null, null)));
        return lines;
    }

    /** A site by its name; a model as "<model> model", since a model's group is the sum of its sites. */
    static String name(ProgrammeComparison.Group group) {
        return group.groupType().equals("model")
                ? CohortReportPdf.label(group.model().name()) + " model"
                : group.name();
    }
}
