package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.cohort.Cohort;
import org.desist.cohort.CohortService;
import org.desist.cohort.NewCohort;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.site.Site;
import org.desist.site.SiteService;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Screens;

/**
 * The programme lead's screens: the sites and their cohorts, enrolled against target; opening a cohort; a
 * cohort's figures and its report to download. Each calls what the matching API resource calls (SiteResource,
 * CohortResource, CohortReportResource), so the figures are suppressed and the downloads audited as there.
 */
@Hidden
@Path("/programme")
@Produces(MediaType.TEXT_HTML)
public class ProgrammePages {
    /** One screen's worth: a programme runs a handful of sites and cohorts, not hundreds. */
    static final PageRequest ALL = new PageRequest(200, 0);

    private final SiteService sites;
    private final CohortService cohorts;
    private final CohortFigures figures;
    private final FigureDocuments documents;
    private final FormBinding forms;

    public ProgrammePages(
            SiteService sites,
            CohortService cohorts,
            CohortFigures figures,
            FigureDocuments documents,
            FormBinding forms) {
        this.sites = sites;
        this.cohorts = cohorts;
        this.figures = figures;
        this.documents = documents;
        this.forms = forms;
    }

    @GET
    @Requires(Action.COHORT_REPORT)
    public ProgrammePage programme(@Context Caller caller, @Context ContainerRequestContext request) {
        List<CohortReport> reports = cohorts.list(caller, null, new Period(null, null), ALL).stream()
                .map(cohort -> figures.report(caller, cohort.id(), null, null, false))
                .toList();
        return new ProgrammePage(Screens.viewer(request), covered(caller), reports);
    }

    @GET
    @Path("/cohorts/new")
    @Requires(Action.COHORT_OPEN)
    public NewCohortPage openForm(@Context Caller caller, @Context ContainerRequestContext request) {
        return new NewCohortPage(Screens.viewer(request), covered(caller));
    }

    @POST
    @Path("/cohorts/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.COHORT_OPEN)
    public Response open(
            MultivaluedMap<String, String> form, @Context Caller caller, @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    Cohort cohort = cohorts.open(caller, forms.read(form, NewCohort.class));
                    return Screens.seeOther("/programme/cohorts/" + cohort.id());
                },
                problem -> new NewCohortPage(Screens.viewer(request), covered(caller)).refused(form, problem));
    }

    @GET
    @Path("/cohorts/{id}")
    @Requires(Action.COHORT_REPORT)
    public CohortPage cohort(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        return new CohortPage(Screens.viewer(request), figures.report(caller, id, null, null, false));
    }

    /** As GET /api/cohorts/{id}/report with Accept: application/pdf: the same document, audited as an export. */
    @GET
    @Path("/cohorts/{id}/report.pdf")
    @Produces(Formats.PDF)
    @Requires(Action.COHORT_REPORT)
    public Response pdf(@PathParam("id") String id, @Context Caller caller) {
        return CohortReportResource.pdf(documents.cohort(caller, id, null, null, false));
    }

    /** As GET /api/cohorts/{id}/report with Accept: text/csv: the tidy CSV of the same figures. */
    @GET
    @Path("/cohorts/{id}/report.csv")
    @Produces(Formats.CSV)
    @Requires(Action.COHORT_REPORT)
    public Response csv(@PathParam("id") String id, @Context Caller caller) {
        return CohortReportResource.csv(figures.report(caller, id, null, null, false));
    }

    /** The sites the lead works on, as the programme comparison takes them: every site the API lists is no secret. */
    private List<Site> covered(Caller caller) {
        return sites.list(ALL).stream()
                .filter(site -> caller.covers(site.code()))
                .toList();
    }
}
