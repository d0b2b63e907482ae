package org.desist.agenda;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
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
import java.time.format.DateTimeParseException;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosurePages;
import org.desist.http.Problem;
import org.desist.http.ProblemException;
import org.desist.http.RefusalMapper;
import org.desist.refusal.Refusal;
import org.desist.web.Screens;

/**
 * The daily review agenda as a page ({@code GET /api/sites/{code}/review-agenda}) and its PDF, for the meeting's
 * chair to show or print. The dates are asked in a GET form: they name nobody.
 */
@Hidden
@Path("/sites/{code}")
public class AgendaPages {
    private final ReviewAgendas agendas;
    private final DisclosurePages downloads;

    public AgendaPages(ReviewAgendas agendas, DisclosurePages downloads) {
        this.downloads = downloads;
        this.agendas = agendas;
    }

    @GET
    @Path("/review-agenda")
    @Produces(MediaType.TEXT_HTML)
    @Requires(Action.REVIEW_AGENDA)
    public Response agenda(
            @PathParam("code") String siteCode,
            @QueryParam("date") String date,
            @QueryParam("since") String since,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        MultivaluedMap<String, String> asked = new MultivaluedHashMap<>();
        put(asked, "date", date);
        put(asked, "since", since);
        AgendaPage page = new AgendaPage(Screens.viewer(request), siteCode);
        page.withValues(asked);
        try {
            return Response.ok(page.showing(agendas.agenda(caller, siteCode, date("date", date), date("since", since))))
                    .build();
        } catch (ProblemException refused) {
            return refusedOnForm(page, asked, refused.toProblem());
        } catch (Refusal.BadParameter refused) {
            return refusedOnForm(page, asked, RefusalMapper.problem(refused));
        }
    }

    /** A date the API would refuse, shown beside its input on the form with the days asked. */
    private static Response refusedOnForm(AgendaPage page, MultivaluedMap<String, String> asked, Problem problem) {
        return Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.refused(asked, problem))
                .build();
    }

    @GET
    @Path("/review-agenda.pdf")
    @Produces(ReviewAgendaResource.PDF)
    @Requires(Action.REVIEW_AGENDA)
    public Response pdf(
            @PathParam("code") String siteCode,
            @QueryParam("date") String date,
            @QueryParam("since") String since,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        LocalDate day = date("date", date);
        LocalDate last = date("since", since);
        return downloads.download(request, caller, "the review agenda (PDF)", disclosure -> {
            ReviewAgendas.Download pdf = agendas.pdf(caller, siteCode, day, last, disclosure);
            return Response.ok(pdf.content(), ReviewAgendaResource.PDF)
                    .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"")
                    .build();
        });
    }

    private static void put(MultivaluedMap<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.putSingle(name, value.strip());
        }
    }

    /** A date as the API's query parameter reads it; the API answers 400 to one it cannot read, so does the page. */
    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be a date as yyyy-mm-dd");
        }
    }
}
