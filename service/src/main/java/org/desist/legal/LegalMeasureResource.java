package org.desist.legal;

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

@Path("/participants/{id}/legal-measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Legal measures")
public class LegalMeasureResource {
    private final RecordKeeper<LegalMeasure, NewLegalMeasure> measures;

    public LegalMeasureResource(RecordKeeper<LegalMeasure, NewLegalMeasure> measures) {
        this.measures = measures;
    }

    @POST
    @Requires(Action.LEGAL_MEASURE_RECORD)
    @Operation(
            operationId = "recordLegalMeasure",
            summary = "Record a legal measure",
            description = "A stalking protection order, restraining"
                    + " order, licence or bail conditions, or electronic monitoring, with the dates it runs between. It may"
                    + " predate the referral; until, when given, must not be before from.")
    public Response record(
            @PathParam("id") String participantId,
            @NotNull @Valid NewLegalMeasure body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(measures.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.LEGAL_MEASURE_READ)
    @Operation(
            operationId = "listLegalMeasures",
            summary = "The case's legal measures, latest start first",
            description = "Each says whether it" + " is in force today (inForce). The date range filters on from.")
    public Page<LegalMeasure> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                measures.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.LEGAL_MEASURE_READ)
    @Operation(operationId = "getLegalMeasure", summary = "One legal measure")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(measures.read(caller, participantId, id));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.LEGAL_MEASURE_RECORD)
    @Operation(
            operationId = "amendLegalMeasure",
            summary = "Amend a legal measure",
            description =
                    "Merge patch. Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier"
                            + " version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewLegalMeasure.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                measures.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.LEGAL_MEASURE_READ)
    @Operation(operationId = "getLegalMeasureHistory", summary = "Every version of a legal measure, oldest first")
    public History<LegalMeasure> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(measures.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.LEGAL_MEASURE_RECORD)
    @Operation(
            operationId = "markLegalMeasureEnteredInError",
            summary = "Mark a legal measure entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                measures.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
