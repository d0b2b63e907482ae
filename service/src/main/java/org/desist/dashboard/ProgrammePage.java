package org.desist.dashboard;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.cohort.Cohort;
import org.desist.cohortreport.CohortReportPdf;
import org.desist.cohortreport.ComparisonScope;
import org.desist.cohortreport.ProgrammeComparison;
import org.desist.site.Site;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The programme at a glance: the sites the lead covers side by side over a period (every figure in one table, then
 * the charts, each with its table and definition), and each site's cohorts with enrolled against target.
 */
public final class ProgrammePage extends Page {
    /**
     * A cohort's line, linking to its page. Its enrolled to date is on that page: a report per cohort here would cost
     * the programme page several times the comparison it draws (bench/programme-page.sh).
     */
    public record CohortLine(String id, String name, String startsOn, String endsOn, int target) {}

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
            List<Cohort> cohorts,
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
                        cohorts.stream()
                                .filter(cohort -> cohort.siteCode().equals(site.code()))
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

    private static CohortLine line(Cohort cohort) {
        return new CohortLine(
                cohort.id(),
                cohort.name(),
                cohort.startsOn().toString(),
                cohort.endsOn().toString(),
                cohort.target());
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
