package org.desist.assessment;

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

@Path("/participants/{id}/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class AssessmentResource {
    private final RecordKeeper<Assessment, NewAssessment> assessments;

    public AssessmentResource(RecordKeeper<Assessment, NewAssessment> assessments) {
        this.assessments = assessments;
    }

    @POST
    @Requires(Action.ASSESSMENT_RECORD)
    @Operation(
            operationId = "recordAssessment",
            summary = "Record an assessment",
            description = "Psychiatric, psychological or risk assessment:"
                    + " the four risk domains rated, overall risk, stalker type, relationship to the victim, diagnoses"
                    + " (ICD-10 or ICD-11 codes), substance misuse and the clinician's formulation.")
    public Response record(
            @PathParam("id") String participantId,
            @NotNull @Valid NewAssessment body,
            @Context UriInfo uri,
            @Context Caller caller) {
        return RecordResponses.created(assessments.create(caller, participantId, body), uri);
    }

    @GET
    @Requires(Action.ASSESSMENT_READ)
    @Operation(operationId = "listAssessments", summary = "The case's assessments, newest first")
    public Page<Assessment> list(
            @PathParam("id") String participantId,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(
                assessments.list(caller, participantId, dates.getFrom(), dates.getTo(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{rid}")
    @Requires(Action.ASSESSMENT_READ)
    @Operation(
            operationId = "getAssessment",
            summary = "One assessment",
            description = "The formulation is shown to clinicians only; stalker"
                    + " type, diagnoses and substance misuse to clinicians and probation.")
    public Response read(@PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return RecordResponses.ok(assessments.read(caller, participantId, id));
    }

    @PATCH
    @Path("/{rid}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Requires(Action.ASSESSMENT_RECORD)
    @Operation(
            operationId = "amendAssessment",
            summary = "Amend an assessment",
            description =
                    "Merge patch. Needs If-Match and a reason (the Change-Reason header, percent-encoded); the earlier"
                            + " version is kept in the history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewAssessment.class)))
    public Response amend(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @BeanParam ChangeReason reason,
            @NotNull ObjectNode patch,
            @Context Caller caller) {
        return RecordResponses.ok(
                assessments.amend(caller, participantId, id, Versions.expected(ifMatch), reason.text(), patch));
    }

    @GET
    @Path("/{rid}/history")
    @Requires(Action.ASSESSMENT_READ)
    @Operation(operationId = "getAssessmentHistory", summary = "Every version of an assessment, oldest first")
    public History<Assessment> history(
            @PathParam("id") String participantId, @PathParam("rid") String id, @Context Caller caller) {
        return new History<>(assessments.history(caller, participantId, id));
    }

    @POST
    @Path("/{rid}/entered-in-error")
    @Requires(Action.ASSESSMENT_RECORD)
    @Operation(
            operationId = "markAssessmentEnteredInError",
            summary = "Mark an assessment entered in error",
            description = "Kept, not deleted; it drops out of" + " figures and reports. Needs If-Match.")
    public Response enteredInError(
            @PathParam("id") String participantId,
            @PathParam("rid") String id,
            @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EnteredInError body,
            @Context Caller caller) {
        return RecordResponses.ok(
                assessments.markEnteredInError(caller, participantId, id, Versions.expected(ifMatch), body.reason()));
    }
}
