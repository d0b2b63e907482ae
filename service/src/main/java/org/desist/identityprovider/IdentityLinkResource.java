package org.desist.identityprovider;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/** An account's link to the organisation's identity provider, for administrators (in their scope). */
@Path("/users/{username}/identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class IdentityLinkResource {
    private static final String SCOPE = " An administrator bound to sites acts only on accounts within them.";
    private final IdentityLinks links;

    public IdentityLinkResource(IdentityLinks links) {
        this.links = links;
    }

    @GET
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "getIdentityLink",
            summary = "Read an account's identity-provider link",
            description = "404 when the account has none." + SCOPE)
    public IdentityLink get(@PathParam("username") String username, @Context Caller caller) {
        return links.find(caller, username);
    }

    @PUT
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "linkIdentity",
            summary = "Link an account to an identity-provider subject",
            description = "The person may then sign in through the organisation's identity provider as this account;"
                    + " the account keeps its roles and sites, and a token never creates an account. Replaces any"
                    + " subject the account had, and ends its sessions and tokens. 503 when no provider is"
                    + " configured." + SCOPE)
    @ApiResponse(responseCode = "409", description = "The subject is linked to another account")
    public IdentityLink link(
            @PathParam("username") String username, @NotNull @Valid NewIdentityLink request, @Context Caller caller) {
        return links.link(caller, username, request);
    }

    @DELETE
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "unlinkIdentity",
            summary = "Remove an account's identity-provider link",
            description =
                    "It signs in with its password again; its sessions and tokens end. 404 when it had none." + SCOPE)
    public void unlink(@PathParam("username") String username, @Context Caller caller) {
        links.unlink(caller, username); // no body: 204
    }
}
