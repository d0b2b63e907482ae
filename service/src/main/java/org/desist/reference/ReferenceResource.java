package org.desist.reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.jdbi.v3.core.Jdbi;

@Path("/reference")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data")
public class ReferenceResource {
    private final Jdbi jdbi;

    public ReferenceResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @GET
    @Path("/reason-codes")
    @Requires(Action.REFERENCE_READ)
    @Operation(
            operationId = "listReasonCodes",
            summary = "Reason codes for enrolment moves",
            description = "Two levels: category/reason.")
    public ReasonCodes reasonCodes() {
        return new ReasonCodes(jdbi.withExtension(ReasonCodeDao.class, ReasonCodeDao::all));
    }

    public record ReasonCodes(List<ReasonCode> items) {}

    @GET
    @Path("/screening-questions")
    @Requires(Action.REFERENCE_READ)
    @Operation(
            operationId = "listScreeningQuestions",
            summary = "Triage screening questions",
            description = "The wording of each question a referral review's screening answers, by instrument and key,"
                    + " in question order.")
    public ScreeningQuestions screeningQuestions() {
        return new ScreeningQuestions(jdbi.withExtension(ScreeningQuestionDao.class, ScreeningQuestionDao::all));
    }

    public record ScreeningQuestions(List<ScreeningQuestion> items) {}
}
