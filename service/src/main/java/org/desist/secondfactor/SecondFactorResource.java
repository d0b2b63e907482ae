package org.desist.secondfactor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** Enrolling one's own second factor: the one thing an account without one may do with its password alone. */
@Path("/me/second-factor")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class SecondFactorResource {
    private final SecondFactors secondFactors;

    public SecondFactorResource(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    /** The body of POST /api/me/second-factor/confirm. */
    @Schema(name = "SecondFactorCode")
    public record Confirmation(
            @Schema(
                    description = "The six-digit code the authenticator app shows now for the new secret",
                    example = "123456")
            String code) {}

    @POST
    @Requires(Action.SECOND_FACTOR)
    @Operation(
            operationId = "startSecondFactor",
            summary = "Start enrolling my second factor",
            description = "Answers a new secret for an authenticator app (RFC 6238: SHA1, 6 digits, 30 seconds), as"
                    + " base32 and as an otpauth URI; confirm it with POST /me/second-factor/confirm. Works with the"
                    + " password alone. To replace a second factor you already have, the body must give your"
                    + " currentPassword and a current code (400 naming a missing one, 403 naming a wrong one); until"
                    + " the new one is confirmed the present one stays.")
    @ApiResponse(
            responseCode = "201",
            description = "A new secret, shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SecondFactors.Enrolment.class)))
    public Response begin(SecondFactors.EnrolmentStart start, @Context Caller caller, @Context UriInfo uri) {
        // the enrolment under way is this resource's: confirm it below
        return Response.created(uri.getAbsolutePath())
                .entity(secondFactors.begin(caller, start))
                .build();
    }

    @POST
    @Path("/confirm")
    @Requires(Action.SECOND_FACTOR)
    @Operation(
            operationId = "confirmSecondFactor",
            summary = "Confirm my second factor",
            description = "A current code of the new secret makes it your second factor, and answers ten recovery"
                    + " codes, shown this once: each works once in place of a code. From now on every sign-in needs a"
                    + " code: get a token with POST /tokens and a code. A wrong code is 422 naming code; 409 when no"
                    + " enrolment is under way.")
    public SecondFactors.RecoveryCodes confirm(@NotNull Confirmation confirmation, @Context Caller caller) {
        return secondFactors.confirm(caller, confirmation.code());
    }
}
