package org.desist.subject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

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
            description = "Administrators only; audited as an export.")
    public SubjectAccessReport assemble(@PathParam("id") String id, @Context Caller caller) {
        return subjectAccess.assemble(caller, id);
    }
}
