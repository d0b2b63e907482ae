package org.desist.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.cohort.Cohort;
import org.desist.cohort.CohortService;
import org.desist.cohort.NewCohort;
import org.desist.cohortreport.CohortFigures;
import org.desist.cohortreport.CohortReportResource;
import org.desist.cohortreport.ComparisonScope;
import org.desist.cohortreport.FigureDocuments;
import org.desist.cohortreport.Formats;
import org.desist.disclosure.DisclosurePages;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.site.Site;
import org.desist.site.SiteService;
import org.desist.time.ProgrammeClock;
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
    private final Definitions definitions = Definitions.load();

    private final DisclosurePages downloads;

    public ProgrammePages(
            SiteService sites,
            CohortService cohorts,
            CohortFigures figures,
            FigureDocuments documents,
            FormBinding forms,
            DisclosurePages downloads) {
        this.downloads = downloads;
        this.sites = sites;
        this.cohorts = cohorts;
        this.figures = figures;
        this.documents = documents;
        this.forms = forms;
    }

    /**
     * The sites side by side over the period picked (by default the cohorts running today, from the earliest start
     * of them to today), from the one comparison the JSON draws from. A date that is not one is shown in the page's
     * error summary, with the default period's figures.
     */
    @GET
    @Requires(Action.COHORT_REPORT)
    public Response programme(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("scope") String scope,
            @QueryParam("unsuppressed") String unsuppressed,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        List<Cohort> listed = cohorts.list(caller, null, new Period(null, null), ALL);
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        LocalDate defaultFrom = listed.stream()
                .filter(cohort ->
                        !cohort.startsOn().isAfter(today) && !cohort.endsOn().isBefore(today))
                .map(Cohort::startsOn)
                .min(LocalDate::compareTo)
                .orElse(today.withDayOfYear(1));
        return Forms.submit(
                () -> {
                    PeriodChoice choice = PeriodChoice.of(from, to, scope, defaultFrom, today);
                    boolean all = Formats.flag("unsuppressed", unsuppressed);
                    return Response.ok(new ProgrammePage(
                                    Screens.viewer(request),
                                    covered(caller),
                                    listed,
                                    figures.comparison(caller, choice.from(), choice.to(), all, choice.scope()),
                                    choice.scope(),
                                    definitions))
                            .build();
                },
                problem -> new ProgrammePage(
                                Screens.viewer(request),
                                covered(caller),
                                listed,
                                figures.comparison(caller, defaultFrom, today, false, ComparisonScope.period),
                                ComparisonScope.period,
                                definitions)
                        .refused(sent(from, to, scope), problem));
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

    /** A cohort's figures over the period picked (by default its start, or today, to today). */
    @GET
    @Path("/cohorts/{id}")
    @Requires(Action.COHORT_REPORT)
    public Response cohort(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("unsuppressed") String unsuppressed,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    PeriodChoice choice = PeriodChoice.of(from, to, null, null, null);
                    boolean all = Formats.flag("unsuppressed", unsuppressed);
                    return Response.ok(new CohortPage(
                                    Screens.viewer(request),
                                    figures.report(caller, id, choice.from(), choice.to(), all),
                                    definitions))
                            .build();
                },
                problem -> new CohortPage(
                                Screens.viewer(request), figures.report(caller, id, null, null, false), definitions)
                        .refused(sent(from, to, null), problem));
    }

    /** As GET /api/cohorts/{id}/report with Accept: application/pdf: the same document, once the form names its recipient. */
    @GET
    @Path("/cohorts/{id}/report.pdf")
    @Produces(Formats.PDF)
    @Requires(Action.COHORT_REPORT)
    public Response pdf(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        PeriodChoice dates = PeriodChoice.of(from, to, null, null, null);
        cohorts.get(caller, id); // another site's cohort is 404 before the form asks anything
        return downloads.download(
                request,
                caller,
                "the cohort report (PDF)",
                disclosure -> CohortReportResource.pdf(
                        documents.cohort(caller, id, dates.from(), dates.to(), false, disclosure)));
    }

    /** As GET /api/cohorts/{id}/report with Accept: text/csv: the tidy CSV of the same figures. */
    @GET
    @Path("/cohorts/{id}/report.csv")
    @Produces(Formats.CSV)
    @Requires(Action.COHORT_REPORT)
    public Response csv(
            @PathParam("id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        PeriodChoice dates = PeriodChoice.of(from, to, null, null, null);
        cohorts.get(caller, id); // another site's cohort is 404 before the form asks anything
        return downloads.download(
                request,
                caller,
                "the cohort's figures (CSV)",
                disclosure -> CohortReportResource.csv(
                        documents.cohortCsv(caller, id, dates.from(), dates.to(), false, disclosure)));
    }

    /**
     * As GET /api/programme/report: the programme PDF for the period and scope, once the form names its recipient.
     */
    @GET
    @Path("/report.pdf")
    @Produces(Formats.PDF)
    @Requires(Action.PROGRAMME_COMPARISON)
    public Response programmePdf(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("scope") String scope,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        PeriodChoice dates = PeriodChoice.of(from, to, scope, null, null);
        return downloads.download(request, caller, "the programme report (PDF)", disclosure -> {
            FigureDocuments.Download pdf =
                    documents.programme(caller, dates.from(), dates.to(), false, dates.scope(), disclosure);
            return Response.ok(pdf.content(), Formats.PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                    .build();
        });
    }

    /** As GET /api/programme/comparison with Accept: text/csv: the tidy CSV of the sites and models side by side. */
    @GET
    @Path("/comparison.csv")
    @Produces(Formats.CSV)
    @Requires(Action.PROGRAMME_COMPARISON)
    public Response comparisonCsv(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("scope") String scope,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        PeriodChoice dates = PeriodChoice.of(from, to, scope, null, null);
        return downloads.download(
                request,
                caller,
                "the programme comparison (CSV)",
                disclosure -> CohortReportResource.csv(
                        documents.comparisonCsv(caller, dates.from(), dates.to(), false, dates.scope(), disclosure)));
    }

    private static MultivaluedMap<String, String> sent(String from, String to, String scope) {
        MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
        sent.putSingle("from", from == null ? "" : from);
        sent.putSingle("to", to == null ? "" : to);
        if (scope != null) {
            sent.putSingle("scope", scope);
        }
        return sent;
    }

    /** The sites the lead works on, as the programme comparison takes them: every site the API lists is no secret. */
    private List<Site> covered(Caller caller) {
        return sites.list(ALL).stream()
                .filter(site -> caller.covers(site.code()))
                .toList();
    }
}
