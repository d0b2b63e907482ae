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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.Page;
import org.desist.http.Paging;
import org.desist.http.SessionInUse;

/** Self-service for every member of staff: their own password, their own tokens and browser sessions. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class MyAccountResource {
    private final OwnAccount own;
    private final AccountTokens tokens;
    private final AccountSessions sessions;

    public MyAccountResource(OwnAccount own, AccountTokens tokens, AccountSessions sessions) {
        this.own = own;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @GET
    @Path("/email")
    @Requires(Action.OWN_EMAIL)
    @Operation(operationId = "getMyEmail", summary = "Where my alerts are emailed (null: nowhere)")
    public EmailChange email(@Context Caller caller) {
        return own.email(caller);
    }

    @PUT
    @Path("/email")
    @Requires(Action.OWN_EMAIL)
    @Operation(
            operationId = "changeMyEmail",
            summary = "Set or remove where my alerts are emailed",
            description = "null or empty removes it; a malformed address is 422 naming email. Alert email says only"
                    + " that a case at a site needs attention, never what or whose.")
    public EmailChange changeEmail(@NotNull @Valid EmailChange change, @Context Caller caller) {
        return own.changeEmail(caller, change);
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
            description =
                    "Revokes every token of my account, the one in use too. My password (and a current code when I"
                            + " have a second factor) is required in the body: missing is 400, wrong is 403, each naming"
                            + " the field; a wrong one counts in the sign-in throttle.")
    public void signOutEverywhere(Reauthentication again, @Context Caller caller) {
        own.reauthenticate(caller, again);
        tokens.endAll(caller, caller.username()); // no body: 204
    }

    @GET
    @Path("/sessions")
    @Requires(Action.OWN_TOKENS)
    @Operation(
            operationId = "listMySessions",
            summary = "List my sessions and tokens",
            description = "My live browser sessions (the screens) and bearer tokens, newest first: where each was"
                    + " begun from and last used from, when, whether it began with two factors, and which one is"
                    + " making this request. Never a cookie, a token, nor either's hash.")
    public Page<SessionSummary> sessions(
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Page.of(
                sessions.mine(caller, SessionInUse.of(request), paging.fetch(), paging.getOffset()), paging, uri);
    }

    @DELETE
    @Path("/sessions/{id}")
    @Requires(Action.OWN_TOKENS)
    @Operation(
            operationId = "endMySession",
            summary = "End one of my sessions or tokens",
            description = "A browser session ends, a token is revoked; the one making this request too, if named."
                    + " Anyone else's answers 404, as an unknown id does. Ending any but the one making this"
                    + " request needs my password (and a current code when I have a second factor) in the body:"
                    + " missing is 400, wrong is 403, each naming the field; a wrong one counts in the sign-in"
                    + " throttle. Ending the one in use needs no body.")
    public void endSession(
            @PathParam("id") String id,
            Reauthentication again,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        if (!SessionInUse.of(request).filter(id::equals).isPresent()) {
            own.reauthenticate(caller, again);
        }
        sessions.endMine(caller, id); // no body: 204
    }
}
