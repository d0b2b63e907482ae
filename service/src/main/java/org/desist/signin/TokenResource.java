package org.desist.signin;

import io.dropwizard.auth.basic.BasicCredentials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.auth.SecurityEvents;
import org.desist.http.BasicHeader;
import org.desist.http.ClientAddresses;
import org.desist.http.ProblemException;
import org.jdbi.v3.core.Jdbi;

@Path("/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class TokenResource {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration lifetime;
    private final SecondStep secondStep;
    private final TokenCap cap;

    public TokenResource(Jdbi jdbi, Clock clock, Duration lifetime, SecondStep secondStep, TokenCap cap) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.lifetime = lifetime;
        this.secondStep = secondStep;
        this.cap = cap;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON) // the description then says so: a client built from it sends JSON
    @Requires(Action.TOKEN_ISSUE)
    @Operation(
            operationId = "issueToken",
            summary = "Issue a bearer token",
            description = "Authenticate with HTTP Basic. The token is shown once. An account that needs a second"
                    + " factor (every account, unless the service is configured otherwise) gives a current code of"
                    + " its authenticator app in the body, or one of its recovery codes: without one it is 400 naming"
                    + " code (403 while it has none: enrol first, with POST /me/second-factor); a wrong or already"
                    + " used one is 401 naming the field, and counts as a failed sign-in."
                    + " Only such a token reaches anything beyond getting two factors.")
    @SecurityRequirement(name = "basicAuth")
    @ApiResponse(
            responseCode = "201",
            description = "Created: the token, shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedToken.class)))
    public Response issue(
            TokenRequest proof,
            @Context Caller caller,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            @Context ContainerRequestContext request) {
        // Not SecurityContext.getAuthenticationScheme() alone: the header says which scheme this request used.
        // The password is checked here against the database, never a remembered login, and the token is
        // written only if the account is still at the version that password was checked at.
        BasicCredentials credentials = BasicHeader.credentials(headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .filter(basic -> basic.getUsername().equals(caller.username()))
                .orElseThrow(() -> new ProblemException(
                        401,
                        "Unauthorized",
                        "Tokens are issued only against a" + " username and password (HTTP Basic)",
                        List.of()));
        Optional<Credentials.Account> account =
                jdbi.withExtension(Credentials.class, accounts -> accounts.account(credentials.getUsername()));
        if (!PasswordAuthenticator.matches(credentials.getPassword(), account)
                || account.get().disabled()) {
            throw changedMeanwhile();
        }
        // the second factor after the password, so a guesser learns nothing from it without the password
        boolean twoFactors = secondStep.needed(credentials.getUsername());
        OptionalInt recoveryCodesLeft = OptionalInt.empty();
        if (twoFactors) {
            recoveryCodesLeft = secondStep.present(
                    credentials.getUsername(),
                    proof == null ? null : proof.code(),
                    proof == null ? null : proof.recoveryCode(),
                    caller.clientAddress(),
                    caller.requestId());
        }
        String token = ApiTokens.newToken();
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        // the account's row is held from here to the commit: issues at once, on any instance, take turns at the cap
        List<String> revoked = jdbi.inTransaction(handle -> {
            if (handle.attach(Credentials.class)
                            .holdAtVersion(
                                    credentials.getUsername(), account.get().credentialVersion())
                    != 1) {
                throw changedMeanwhile();
            }
            List<String> made = cap.makeRoom(handle, caller, now);
            handle.attach(TokenDao.class)
                    .insert(
                            id,
                            credentials.getUsername(),
                            ApiTokens.hash(token),
                            now,
                            expiresAt,
                            twoFactors,
                            ClientAddresses.of(request));
            return made;
        });
        revoked.forEach(gone -> SecurityEvents.revoked(caller.username(), gone, "cap", caller));
        SecurityEvents.tokenIssued(caller.username(), id, caller.clientAddress(), caller.requestId());
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .entity(new IssuedToken(
                        id, token, expiresAt, recoveryCodesLeft.isPresent() ? recoveryCodesLeft.getAsInt() : null))
                .build();
    }

    /** The account's password or state changed between the sign-in and this check (on any instance). */
    private static ProblemException changedMeanwhile() {
        return new ProblemException(401, "Unauthorized", "Send valid credentials: HTTP Basic", List.of());
    }
}
