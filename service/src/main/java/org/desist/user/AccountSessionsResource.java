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

/** Account administration: ending every browser session and token of an account ({@link AccountSessions}). */
@Path("/users/{username}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountSessionsResource {
    private final AccountSessions sessions;

    public AccountSessionsResource(AccountSessions sessions) {
        this.sessions = sessions;
    }

    @DELETE
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "endAccountSessions",
            summary = "End every session and token of an account",
            description = "Its browser sessions end and its tokens are revoked, on every instance at once; its next"
                    + " request signs in afresh. An administrator bound to sites acts only on accounts within them.")
    public void endAll(@PathParam("username") String username, @Context Caller caller) {
        sessions.endAll(caller, username); // no body: 204
    }
}
