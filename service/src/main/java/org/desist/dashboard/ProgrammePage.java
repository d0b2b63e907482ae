package org.desist.dashboard;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.cohortreport.CohortReport;
import org.desist.cohortreport.CohortReportPdf;
import org.desist.cohortreport.ComparisonScope;
import org.desist.cohortreport.Figure;
import org.desist.cohortreport.FigureRow;
import org.desist.cohortreport.ProgrammeComparison;
import org.desist.cohortreport.ReportingPeriod;
import org.desist.site.Site;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The programme at a glance: the sites the lead covers side by side over a period (every figure in one table, then
 * the charts, each with its table and definition), and each site's cohorts with enrolled against target.
 */
public final class ProgrammePage extends Page {
    /** A cohort's line: its enrolled to date as the cohort report publishes it ("<5" when suppressed). */
    public record CohortLine(String id, String name, String startsOn, String endsOn, String enrolled, String target) {}

    public record SiteLine(String code, String name, String model, List<CohortLine> cohorts) {}

    private final List<SiteLine> sites;
    private final ProgrammeComparison comparison;
    private final ComparisonScope scope;
    private final List<Charts.Category> columns;
    private final List<Chart.Line> summary;
    private final List<Chart> charts;

    ProgrammePage(
            Viewer viewer,
            List<Site> sites,
            List<CohortReport> reports,
            ProgrammeComparison comparison,
            ComparisonScope scope,
            Definitions definitions) {
        super("programme/programme.ftlh", viewer, "Programme");
        this.comparison = comparison;
        this.scope = scope;
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
        this.columns = comparison.groups().stream()
                .filter(group -> group.groupType().equals("site"))
                .map(group -> new Charts.Category(group.name(), group.group()))
                .toList();
        Dashboard dashboard = new Dashboard(new FigureRows(comparison.figures()), definitions);
        this.summary = dashboard.summary(columns);
        this.charts = dashboard.period(columns);
        MultivaluedHashMap<String, String> shown = new MultivaluedHashMap<>();
        shown.putSingle("from", comparison.from().toString());
        shown.putSingle("to", comparison.to().toString());
        shown.putSingle("scope", scope.name());
        withValues(shown);
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

    public String getFrom() {
        return comparison.from().toString();
    }

    public String getTo() {
        return comparison.to().toString();
    }

    public String getAsOf() {
        return comparison.asOf().toString();
    }

    public String getScope() {
        return scope.name();
    }

    public String getScopeLabel() {
        return scope.label();
    }

    public List<Map<String, String>> getScopes() {
        return Arrays.stream(new ComparisonScope[] {ComparisonScope.period, ComparisonScope.programme})
                .map(one -> Map.of("value", one.name(), "label", one.label()))
                .toList();
    }

    public boolean isUnsuppressed() {
        return !comparison.smallNumbersSuppressed();
    }

    /** The query of this view, for the toggle and the downloads: {@code from=..&to=..&scope=..}. */
    public String getQuery() {
        return "from=" + getFrom() + "&to=" + getTo() + "&scope=" + scope.name();
    }

    public List<Charts.Category> getColumns() {
        return columns;
    }

    public List<Chart.Line> getSummary() {
        return summary;
    }

    public List<Chart> getCharts() {
        return charts;
    }
}
