package org.desist.subject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosureParameters;

@Path("/participants/{id}/subject-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
public class SubjectAccessResource {
    private final SubjectAccess subjectAccess;

    public SubjectAccessResource(SubjectAccess subjectAccess) {
        this.subjectAccess = subjectAccess;
    }

    @GET
    @Requires(Action.SUBJECT_ACCESS)
    @Operation(
            operationId = "getSubjectAccess",
            summary = "Everything held about a participant, for a subject access request",
            description = "Administrators and the data protection officer only. A disclosure: recipient (the data"
                    + " subject, or whoever acts for them) and purpose are required (400 naming each one missing);"
                    + " written to the case's ledger of disclosures with the SHA-256 of the exact bytes sent, and"
                    + " audited as a disclosure.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The report",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = SubjectAccessReport.class))))
    public Response assemble(
            @PathParam("id") String id, @BeanParam DisclosureParameters disclosure, @Context Caller caller) {
        return Response.ok(subjectAccess.export(caller, id, disclosure.request()), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
