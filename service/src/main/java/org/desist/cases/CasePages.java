package org.desist.cases;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.attention.AlertInbox;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosurePages;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.http.Problems;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantSearch;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.desist.summary.Audience;
import org.desist.summary.CaseSummaries;
import org.desist.team.CaseTeams;
import org.desist.team.TeamSection;
import org.desist.time.ProgrammeClock;
import org.desist.web.FormBinding;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * "Your cases" and the case page: the participants of the viewer's sites, found as POST /api/participants/search
 * finds them, and one case as the API's case reads give it; with the case summaries as the same PDFs the API sends.
 */
@Hidden
@Path("/cases")
@Produces(MediaType.TEXT_HTML)
public class CasePages {
    static final int PER_PAGE = 20;
    static final String PDF = "application/pdf";

    private final ParticipantService participants;
    private final CaseFile cases;
    private final CaseSummaries summaries;
    private final FormBinding forms;
    private final AlertInbox alerts;
    private final DisclosurePages downloads;
    private final CaseTeams teams;

    public CasePages(
            ParticipantService participants,
            CaseFile cases,
            CaseSummaries summaries,
            FormBinding forms,
            AlertInbox alerts,
            CaseTeams teams,
            DisclosurePages downloads) {
        this.downloads = downloads;
        this.participants = participants;
        this.cases = cases;
        this.summaries = summaries;
        this.forms = forms;
        this.alerts = alerts;
        this.teams = teams;
    }

    @GET
    @Requires(Action.PARTICIPANT_READ)
    public Page list(
            @QueryParam("q") String q,
            @QueryParam("enrolmentState") String enrolmentState,
            @QueryParam("priority") String priority,
            @QueryParam("page") @DefaultValue("1") String page,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        // q reaches here only while the deprecated api.searchTermsInQuery is on (TermsOutOfAddresses refuses it)
        return found(q, enrolmentState, priority, page, caller, request);
    }

    /**
     * The search form's answer: a name, NHS number or PNC id travels in the body, so neither the address, a proxy's
     * log nor the browser's history holds it; the pages of the result are asked for by the same form.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.PARTICIPANT_READ)
    public Page search(
            @FormParam("q") String q,
            @FormParam("enrolmentState") String enrolmentState,
            @FormParam("priority") String priority,
            @FormParam("page") @DefaultValue("1") String page,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return found(q, enrolmentState, priority, page, caller, request);
    }

    private Page found(
            String q,
            String enrolmentState,
            String priority,
            String page,
            Caller caller,
            ContainerRequestContext request) {
        CaseListPage.Filters filters = new CaseListPage.Filters(q, enrolmentState, priority, CaseListPage.page(page));
        ParticipantSearch search = SearchBox.route(q).standing(enrolmentState, priority);
        List<FieldError> violations = forms.violations(search);
        if (!violations.isEmpty()) {
            // the terms the API would refuse with 400, shown beside the inputs they came from
            List<FieldError> errors = violations.stream()
                    .map(error -> new FieldError(SearchBox.input(error.field()), error.reason()))
                    .sorted(Comparator.comparing(FieldError::field))
                    .toList();
            Problem problem =
                    new Problem("about:blank", Problems.title(400), 400, "The search could not be made", errors, null);
            return new CaseListPage(Screens.viewer(request), filters, null, false).refused(filters.sent(), problem);
        }
        List<Participant> found = participants.list(
                caller,
                null,
                search,
                new Period(null, null),
                new PageRequest(PER_PAGE, (filters.page() - 1) * PER_PAGE));
        boolean more = found.size() > PER_PAGE;
        return new CaseListPage(Screens.viewer(request), filters, more ? found.subList(0, PER_PAGE) : found, more)
                .withValues(filters.sent());
    }

    @GET
    @Path("/{id}")
    @Requires(Action.PARTICIPANT_READ)
    public Response show(@PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        try {
            CasePage page = new CasePage(Screens.viewer(request), cases.read(caller, id));
            participants
                    .breakGlassUntil(caller, id)
                    .ifPresent(until -> page.underBreakGlassUntil(
                            DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ProgrammeClock.ZONE))));
            // the viewer's own alerts on the case, with their acknowledgement forms
            alerts.onCase(caller, id).ifPresent(page::showAlerts);
            if (AccessPolicy.allows(caller.user(), Action.TEAM_READ)) {
                page.withTeam(new TeamSection(teams.read(caller, id)));
            }
            if (AccessPolicy.allows(caller.user(), Action.DISCLOSURE_READ)) {
                page.withDisclosures(downloads.ledger(caller, id));
            }
            return Response.ok(page).build();
        } catch (Refusal.MergedInto merged) {
            // the API's 410, and where the case went for a reader who may see it there
            return Response.status(Response.Status.GONE)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(new MergedCasePage(Screens.viewer(request), merged.survivorId(), merged.survivorCaseRef()))
                    .build();
        }
    }

    @GET
    @Path("/{id}/summary/probation.pdf")
    @Produces(PDF)
    @Requires(Action.SUMMARY_PROBATION)
    public Response probationSummary(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        participants.visible(caller, id); // an unknown case is 404 before the form asks anything
        return downloads.download(
                request,
                caller,
                "the probation case summary (PDF)",
                disclosure -> download(summaries.pdf(caller, id, Audience.probation, disclosure)));
    }

    @GET
    @Path("/{id}/summary/cps.pdf")
    @Produces(PDF)
    @Requires(Action.SUMMARY_CPS)
    public Response cpsSummary(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        participants.visible(caller, id); // an unknown case is 404 before the form asks anything
        return downloads.download(
                request,
                caller,
                "the CPS case summary (PDF)",
                disclosure -> download(summaries.pdf(caller, id, Audience.cps, disclosure)));
    }

    /** As SummaryReportResource sends it: the same bytes, as an attachment. */
    private static Response download(CaseSummaries.Download download) {
        return Response.ok(download.content(), PDF)
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .build();
    }

    /** Where a merged participant's case went. */
    public static final class MergedCasePage extends Page {
        private final String survivorId;
        private final String survivorCaseRef;

        MergedCasePage(org.desist.web.Viewer viewer, String survivorId, String survivorCaseRef) {
            super("cases/merged.ftlh", viewer, "This case was merged into " + survivorCaseRef);
            this.survivorId = survivorId;
            this.survivorCaseRef = survivorCaseRef;
        }

        public String getSurvivorId() {
            return survivorId;
        }

        public String getSurvivorCaseRef() {
            return survivorCaseRef;
        }
    }
}
