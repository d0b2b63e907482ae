package org.desist.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** The data protection officer's queue of closed cases due for retention review. */
@Path("/retention/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
public class ReviewQueueResource {
    private final RetentionService retention;

    public ReviewQueueResource(RetentionService retention) {
        this.retention = retention;
    }

    @GET
    @Requires(Action.RETENTION_REVIEW)
    @Operation(
            operationId = "getRetentionReviews",
            summary = "Closed cases due for retention review",
            description = "Every site's closed cases whose review falls due today or earlier, the longest overdue"
                    + " first. A case closes when it has no open enrolment and no referral awaiting its decision;"
                    + " its clock runs from the latest enrolment exit or referral decision (`closedOn`), and the"
                    + " configured period of its record class (`policy`, config.yml `retention:`) gives"
                    + " `reviewDueOn`, unless a retain decision set a later day. Audited as a read.")
    public ReviewQueue reviews(@Context Caller caller) {
        return retention.queue(caller);
    }
}
