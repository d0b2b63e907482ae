package org.desist.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

@Path("/me/caseload")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case team")
public class CaseloadResource {
    private final Caseload caseload;

    public CaseloadResource(Caseload caseload) {
        this.caseload = caseload;
    }

    @GET
    @Requires(Action.CASELOAD_READ)
    @Operation(
            operationId = "getMyCaseload",
            summary = "The cases the caller holds a part on",
            description = "Each open allocation of the caller on a case of the caller's sites: the case, the part,"
                    + " its priority, state, next session and open alerts; cases with open alerts first, then by"
                    + " priority (high first) and case reference. Audited as a read (resource `case_team`).")
    public CaseloadList get(@Context Caller caller) {
        return new CaseloadList(caseload.of(caller));
    }
}
