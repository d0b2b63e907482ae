package org.desist.dashboard;

import java.util.List;
import java.util.Map;
import org.desist.site.Site;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The form that opens a cohort: the body of POST /api/cohorts, field by field. */
public final class NewCohortPage extends Page {
    private final List<Map<String, String>> sites;

    NewCohortPage(Viewer viewer, List<Site> sites) {
        super("programme/new-cohort.ftlh", viewer, "Open a cohort");
        this.sites = sites.stream()
                .map(site -> Map.of("value", site.code(), "label", site.name() + " (" + site.code() + ")"))
                .toList();
    }

    /** For the site select: value and label of each. */
    public List<Map<String, String>> getSites() {
        return sites;
    }
}
