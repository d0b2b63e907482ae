package org.desist.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** Ends one bearer token (issued by {@link org.desist.signin.TokenResource}): its owner's, or an administrator's in scope. */
@Path("/tokens/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class TokenRevocationResource {
    private final AccountTokens tokens;

    public TokenRevocationResource(AccountTokens tokens) {
        this.tokens = tokens;
    }

    @DELETE
    @Requires(Action.TOKEN_REVOKE)
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a token",
            description = "Your own, or, for an administrator, one of an account within their scope; anyone else's"
                    + " answers 404.")
    public void revoke(@PathParam("id") String id, @Context Caller caller) {
        tokens.end(caller, id); // no body: 204
    }
}
