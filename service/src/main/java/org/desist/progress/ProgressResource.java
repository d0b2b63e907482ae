package org.desist.progress;

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

@Path("/participants/{id}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case read models")
public class ProgressResource {
    private final ProgressReport progress;

    public ProgressResource(ProgressReport progress) {
        this.progress = progress;
    }

    @GET
    @Requires(Action.PROGRESS_READ)
    @Operation(
            operationId = "getProgress",
            summary = "The figures a clinician checks before a review",
            description = "Attendance, engagement trend, risk per domain at first assessment and latest review,"
                    + " fixation trend, days since the last incident, onward referrals by state, overdue plan"
                    + " actions and flagged concerns.")
    public Progress of(@PathParam("id") String participantId, @Context Caller caller) {
        return progress.of(caller, participantId);
    }
}
