package org.desist.desistance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.caserecord.EnteredInError;
import org.desist.caserecord.History;
import org.desist.caserecord.RecordKeeper;
import org.desist.caserecord.RecordResponses;
import org.desist.http.ChangeReason;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;
import org.desist.http.Versions;

@Path("/participants/{id}/desistance-reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Desistance reviews")
public class DesistanceReviewResource {
    private final RecordKeeper<DesistanceReview, NewDesistanceReview> reviews;

    public DesistanceReviewResource(RecordKeeper<DesistanceReview, NewDesistanceReview> reviews) {
        this.reviews = reviews;
    }

    @POST
    @Requires(Action.DESISTANCE_REVIEW_RECORD)
    @Operation(
            operationId = "recordDesistanceReview",
            summary = "Record a desistance review",
            description = "Risk per domain now, fixation and obsession"
                    + " 0-10, contact with the victim since the last review, engagement 1-5, and a clinical narrative.")
    public Response record(
            @PathParam("id") String participantId,
            @NotNull @Valid NewDesistanceReview body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(reviews.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.DESISTANCE_REVIEW_READ)
    @Operation(operationId = "listDesistanceReviews", summary = "The case's desistance reviews, newest first")
    public Page<DesistanceReview> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                reviews.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.DESISTANCE_REVIEW_READ)
    @Operation(operationId = "getDesistanceReview", summary = "One desistance review")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(reviews.read(caller, participantId, id));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.DESISTANCE_REVIEW_RECORD)
    @Operation(
            operationId = "amendDesistanceReview",
            summary = "Amend a desistance review",
            description =
                    "Merge patch. Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier"
                            + " version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewDesistanceReview.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                reviews.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.DESISTANCE_REVIEW_READ)
    @Operation(
            operationId = "getDesistanceReviewHistory",
            summary = "Every version of a desistance review, oldest first")
    public History<DesistanceReview> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(reviews.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.DESISTANCE_REVIEW_RECORD)
    @Operation(
            operationId = "markDesistanceReviewEnteredInError",
            summary = "Mark a desistance review entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                reviews.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
