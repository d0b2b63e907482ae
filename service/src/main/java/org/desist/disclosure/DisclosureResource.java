package org.desist.disclosure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** A case's ledger of disclosures: who received which document about it, when, and what for. */
@Path("/participants/{id}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disclosures")
public class DisclosureResource {
    private final Disclosures disclosures;

    public DisclosureResource(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GET
    @Requires(Action.DISCLOSURE_READ)
    @Operation(
            operationId = "getDisclosures",
            summary = "The case's ledger of disclosures, newest first",
            description = "Every document about the case that left Desist (case summaries, review agendas naming it,"
                    + " the subject access export): its kind, the recipient's name and organisation, the purpose,"
                    + " when, by whom, and the hex SHA-256 of the exact bytes sent, so that a correction or an"
                    + " erasure can be passed on to every recipient. A case outside the caller's sites is 404."
                    + " Audited as a read (resource `disclosure`).",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The ledger",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            array = @ArraySchema(schema = @Schema(implementation = Disclosure.class)))))
    public List<Disclosure> ledger(@PathParam("id") String participantId, @Context Caller caller) {
        return disclosures.ofCase(caller, participantId);
    }
}
