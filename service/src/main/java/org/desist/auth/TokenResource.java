package org.desist.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.desist.access.Action;
import org.desist.access.Caller;
import org.desist.access.Requires;
import org.desist.errors.ProblemException;
import org.jdbi.v3.core.Jdbi;

@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class TokenResource {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;

    public TokenResource(Jdbi jdbi, Clock clock, Duration lifetime) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @POST
    @Requires(Action.TOKEN_ISSUE)
    @Operation(operationId = "issueToken",
            summary = "Issue a bearer token", description = "Authenticate with HTTP Basic. The token is shown once.")
    @SecurityRequirement(name = "basicAuth")
    @ApiResponse(responseCode = "201", description = "Created: the token, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuedToken.class)))
    public Response issue(@Context Caller caller, @Context HttpHeaders headers, @Context UriInfo uri) {
        // Not SecurityContext.getAuthenticationScheme(): Dropwizard's OAuth filter reports BASIC for
        // Bearer logins too. The chain authenticated this request, so its header says which filter did.
        if (!isBasic(headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            throw new ProblemException(401, "Unauthorized", "Tokens are issued only against a username and password"
                    + " (HTTP Basic)", List.of());
        }
        String token = ApiTokens.newToken();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        jdbi.useExtension(TokenDao.class, tokens -> tokens.insert(id, caller.username(), ApiTokens.hash(token), now,
                expiresAt));
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(new IssuedToken(id, token, expiresAt)).build();
    }

    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, "Basic ".length());
    }
}
