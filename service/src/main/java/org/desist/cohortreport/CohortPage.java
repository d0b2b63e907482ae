package org.desist.cohortreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * A cohort's figures as the report's tables show them (the lines of {@link CohortReportPdf}: each figure over
 * the whole period, enrolments as they stand now), one table per section; months are in the PDF and the CSV.
 */
public final class CohortPage extends Page {
    public record Line(String label, boolean part, String period, String value) {}

    public record Section(String caption, List<Line> lines) {}

    private final CohortReport report;
    private final List<Section> sections = new ArrayList<>();

    CohortPage(Viewer viewer, CohortReport report) {
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

    public String getSuppressionNote() {
        return CohortReportPdf.suppressionNote(report.smallNumbersSuppressed());
    }

    public List<Section> getSections() {
        return sections;
    }
}
