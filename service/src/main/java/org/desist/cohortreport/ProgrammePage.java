package org.desist.cohortreport;

import java.util.List;
import org.desist.site.Site;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The programme at a glance: each site the lead covers, and its cohorts with enrolled against target. */
public final class ProgrammePage extends Page {
    /** A cohort's line: its enrolled to date as the cohort report publishes it ("<5" when suppressed). */
    public record CohortLine(String id, String name, String startsOn, String endsOn, String enrolled, String target) {}

    public record SiteLine(String code, String name, String model, List<CohortLine> cohorts) {}

    private final List<SiteLine> sites;

    ProgrammePage(Viewer viewer, List<Site> sites, List<CohortReport> reports) {
        super("programme/programme.ftlh", viewer, "Programme");
        this.sites = sites.stream()
                .map(site -> new SiteLine(
                        site.code(),
                        site.name(),
                        CohortReportPdf.label(site.model().name()),
                        reports.stream()
                                .filter(report -> report.cohort().siteCode().equals(site.code()))
                                .map(ProgrammePage::line)
                                .toList()))
                .filter(site -> !site.cohorts().isEmpty() || viewer.can("COHORT_OPEN"))
                .toList();
    }

    private static CohortLine line(CohortReport report) {
        CohortReportPdf.Rows rows = new CohortReportPdf.Rows(report.figures());
        ReportingPeriod period = new ReportingPeriod(report.from(), report.to());
        FigureRow enrolled = rows.total(Figure.enrolled_to_date, period);
        FigureRow target = rows.total(Figure.enrolment_target, period);
        return new CohortLine(
                report.cohort().id(),
                report.cohort().name(),
                report.cohort().startsOn().toString(),
                report.cohort().endsOn().toString(),
                enrolled == null ? "-" : CohortReportPdf.shown(enrolled),
                target == null ? String.valueOf(report.cohort().target()) : CohortReportPdf.shown(target));
    }

    public List<SiteLine> getSites() {
        return sites;
    }
}
