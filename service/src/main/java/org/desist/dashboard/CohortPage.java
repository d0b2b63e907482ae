package org.desist.dashboard;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.cohortreport.CohortReport;
import org.desist.cohortreport.CohortReportPdf;
import org.desist.cohortreport.FigureLine;
import org.desist.cohortreport.ReportingPeriod;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * A cohort's figures over a period: month by month where the figures are monthly, then the programme page's charts
 * for the cohort alone, each with its table and definition, then the report's tables (the lines of
 * {@link CohortReportPdf}), and the downloads for the same period.
 */
public final class CohortPage extends Page {
    public record Line(String label, boolean part, String period, String value) {}

    public record Section(String caption, List<Line> lines) {}

    private final CohortReport report;
    private final List<Section> sections = new ArrayList<>();
    private final List<Chart> monthly;
    private final List<Chart> charts;

    CohortPage(Viewer viewer, CohortReport report, Definitions definitions) {
        super("programme/cohort.ftlh", viewer, report.cohort().name());
        this.report = report;
        Map<String, List<Line>> bySection = new LinkedHashMap<>();
        for (FigureLine line : CohortReportPdf.lines(
                report.from(), report.to(), report.asOf(), new CohortReportPdf.Rows(report.figures()))) {
            String label = line.getLabel();
            bySection
                    .computeIfAbsent(line.getSection(), section -> new ArrayList<>())
                    .add(new Line(label.strip(), label.startsWith(" "), line.getPeriod(), line.getValue()));
        }
        bySection.forEach((caption, lines) -> sections.add(new Section(caption, lines)));
        Dashboard dashboard = new Dashboard(new FigureRows(report.figures()), definitions);
        String group = report.cohort().id();
        this.monthly = dashboard.monthly(group, new ReportingPeriod(report.from(), report.to()));
        this.charts =
                dashboard.period(List.of(new Charts.Category(report.cohort().name(), group)));
        MultivaluedHashMap<String, String> shown = new MultivaluedHashMap<>();
        shown.putSingle("from", report.from().toString());
        shown.putSingle("to", report.to().toString());
        withValues(shown);
    }

    public CohortReport.Header getCohort() {
        return report.cohort();
    }

    public String getFrom() {
        return report.from().toString();
    }

    public String getTo() {
        return report.to().toString();
    }

    public String getAsOf() {
        return report.asOf().toString();
    }

    public boolean isUnsuppressed() {
        return !report.smallNumbersSuppressed();
    }

    /** The period of this view, for the toggle and the downloads. */
    public String getQuery() {
        return "from=" + getFrom() + "&to=" + getTo();
    }

    public String getSuppressionNote() {
        return CohortReportPdf.suppressionNote(report.smallNumbersSuppressed());
    }

    public List<Section> getSections() {
        return sections;
    }

    public List<Chart> getMonthly() {
        return monthly;
    }

    public List<Chart> getCharts() {
        return charts;
    }
}
