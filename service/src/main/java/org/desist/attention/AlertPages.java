package org.desist.attention;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.ProblemException;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The inbox: the viewer's alerts by state, as GET /api/alerts gives them, each open one with a form to acknowledge
 * it with a note (as POST /api/alerts/{id}/acknowledgement). The case page's Alerts section posts here too.
 */
@Hidden
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertPages {
    static final int PER_PAGE = 25;

    private final AlertInbox inbox;
    private final FormBinding forms;

    public AlertPages(AlertInbox inbox, FormBinding forms) {
        this.inbox = inbox;
        this.forms = forms;
    }

    @GET
    @Requires(Action.ALERT_READ)
    public Page list(
            @QueryParam("state") String state,
            @QueryParam("page") String page,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return inboxPage(state(state), number(page), caller, request, null);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.ALERT_ACKNOWLEDGE)
    public Response acknowledge(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    NewAcknowledgement acknowledgement = forms.read(withoutPageFields(form), NewAcknowledgement.class);
                    Alert alert = inbox.acknowledge(caller, id, acknowledgement.note());
                    // back where the form was: the case page's section, or the inbox
                    return Screens.seeOther(
                            "case".equals(form.getFirst("from")) ? "/cases/" + alert.participantId() : "/alerts");
                },
                problem -> inboxPage(AlertState.open, 1, caller, request, id).refused(form, problem));
    }

    private AlertInboxPage inboxPage(
            AlertState state, int page, Caller caller, ContainerRequestContext request, String refusedId) {
        List<Alert> found = inbox.list(
                caller, state, null, new Period(null, null), new PageRequest(PER_PAGE, (page - 1) * PER_PAGE));
        boolean more = found.size() > PER_PAGE;
        String base = "/alerts?state=" + state.name() + "&page=";
        return new AlertInboxPage(
                Screens.viewer(request),
                state,
                more ? found.subList(0, PER_PAGE) : found,
                page > 1 ? base + (page - 1) : null,
                more ? base + (page + 1) : null,
                refusedId);
    }

    /** The form's own fields (the token, where it was sent from) are not the acknowledgement's. */
    private static MultivaluedMap<String, String> withoutPageFields(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> body = new jakarta.ws.rs.core.MultivaluedHashMap<>(form);
        body.remove("csrf");
        body.remove("from");
        return body;
    }

    private static AlertState state(String value) {
        if (value == null || value.isBlank()) {
            return AlertState.open;
        }
        try {
            return AlertState.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("state", "must be open, acknowledged or cleared");
        }
    }

    private static int number(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.strip());
            if (page < 1 || page > 10_000) {
                throw ProblemException.badParameter("page", "must be between 1 and 10000");
            }
            return page;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("page", "must be a number");
        }
    }
}
