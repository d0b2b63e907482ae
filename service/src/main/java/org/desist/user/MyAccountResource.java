package org.desist.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.Page;
import org.desist.http.Paging;

/** Self-service for every member of staff: their own password and their own sessions (bearer tokens). */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class MyAccountResource {
    private final OwnAccount own;
    private final AccountTokens tokens;

    public MyAccountResource(OwnAccount own, AccountTokens tokens) {
        this.own = own;
        this.tokens = tokens;
    }

    @POST
    @Path("/password")
    @Requires(Action.OWN_PASSWORD_CHANGE)
    @Operation(
            operationId = "changeMyPassword",
            summary = "Change my password",
            description =
                    "The current password is required (a wrong one is 403 naming currentPassword); the new one"
                            + " follows add-user's rules. Every token of the account is revoked, the one in use too: sign in"
                            + " again with the new password. After a reset this is the only call a temporary password may make.")
    public void changePassword(@NotNull @Valid PasswordChange change, @Context Caller caller) {
        own.changePassword(caller, change); // no body: 204
    }

    @GET
    @Path("/tokens")
    @Requires(Action.OWN_TOKENS)
    @Operation(
            operationId = "listMyTokens",
            summary = "List my tokens",
            description = "Those not yet expired, revoked or not, newest first; never the tokens themselves."
                    + " DELETE /tokens/{id} ends one.")
    public Page<TokenSummary> list(@Valid @BeanParam Paging paging, @Context UriInfo uri, @Context Caller caller) {
        return Page.of(tokens.mine(caller, paging.fetch(), paging.getOffset()), paging, uri);
    }

    @DELETE
    @Path("/tokens")
    @Requires(Action.OWN_TOKENS)
    @Operation(
            operationId = "signOutEverywhere",
            summary = "Sign out everywhere",
            description = "Revokes every token of my account, the one in use too.")
    public void signOutEverywhere(@Context Caller caller) {
        tokens.endAll(caller, caller.username()); // no body: 204
    }
}
