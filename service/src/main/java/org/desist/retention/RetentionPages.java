package org.desist.retention;

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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.refusal.Refusal;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The data protection officer's retention review as a page: the queue of {@code GET /api/retention/reviews}, each
 * case with its forms, which call the same service as {@code POST /api/participants/{id}/retention-decisions},
 * {@code .../legal-holds} and {@code .../legal-holds/{holdId}/lift}. Done, back to the queue (POST, redirect,
 * GET); refused (409 held, not due or disposed of already; 422 a field), the queue again with the problem in its
 * error summary, nothing changed.
 */
@Hidden
@Path("/retention")
@Produces(MediaType.TEXT_HTML)
public class RetentionPages {
    private final RetentionService retention;
    private final FormBinding forms;

    public RetentionPages(RetentionService retention, FormBinding forms) {
        this.retention = retention;
        this.forms = forms;
    }

    @GET
    @Requires(Action.RETENTION_REVIEW)
    public Page queue(@Context Caller caller, @Context ContainerRequestContext request) {
        return queuePage(caller, request, null, null);
    }

    /** What disposal does, said plainly, before the button that does it; a case not in the queue is not found. */
    @GET
    @Path("/{id}/disposal")
    @Requires(Action.RETENTION_DECIDE)
    public Page confirmDisposal(
            @PathParam("id") String id, @Context Caller caller, @Context ContainerRequestContext request) {
        ReviewQueue queue = retention.queue(caller);
        ReviewItem item = queue.cases().stream()
                .filter(due -> due.participantId().equals(id))
                .findFirst()
                .orElseThrow(() -> new Refusal.NotFound("participant", id));
        return new DisposalPage(
                Screens.viewer(request), item, retention.holdsOn(queue).getOrDefault(id, List.of()));
    }

    @POST
    @Path("/{id}/retention-decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.RETENTION_DECIDE)
    public Response decide(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        String which = "dispose".equals(form.getFirst("decision")) ? "dispose" : "retain";
        return Forms.submit(
                () -> {
                    retention.decide(caller, id, forms.read(form, NewRetentionDecision.class));
                    return Screens.seeOther("/retention");
                },
                problem -> queuePage(caller, request, id, which).refused(form, problem));
    }

    @POST
    @Path("/{id}/legal-holds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.LEGAL_HOLD)
    public Response placeHold(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    retention.placeHold(caller, id, forms.read(form, NewLegalHold.class));
                    return Screens.seeOther("/retention");
                },
                problem -> queuePage(caller, request, id, "hold").refused(form, problem));
    }

    @POST
    @Path("/{id}/legal-holds/{holdId}/lift")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.LEGAL_HOLD)
    public Response liftHold(
            @PathParam("id") String id,
            @PathParam("holdId") String holdId,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    retention.liftHold(caller, id, holdId);
                    return Screens.seeOther("/retention");
                },
                problem -> queuePage(caller, request, id, "lift").refused(new MultivaluedHashMap<>(), problem));
    }

    private Page queuePage(Caller caller, ContainerRequestContext request, String refusedId, String refusedForm) {
        ReviewQueue queue = retention.queue(caller);
        return new RetentionReviewPage(
                Screens.viewer(request), queue, retention.holdsOn(queue), refusedId, refusedForm);
    }
}
