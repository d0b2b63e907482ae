package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.api.Page;
import org.desist.api.Paging;

/** Administrators manage accounts here; accounts are created with the add-user command. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {
    private final Accounts accounts;

    public AccountResource(Accounts accounts) {
        this.accounts = accounts;
    }

    public record NewPassword(
            @Schema(description = "At least 12 characters; a long pass-phrase is kept whole",
                    example = "seven wet pebbles by the weir") @NotNull String password) {
    }

    @GET
    @Requires(Action.USER_ADMIN)
    @Operation(operationId = "listAccounts", summary = "List accounts")
    public Page<Account> list(@Valid @BeanParam Paging paging, @Context UriInfo uri) {
        return Page.of(accounts.list(paging.fetch(), paging.getOffset()), paging, uri);
    }

    @POST
    @Path("/{username}/disable")
    @Requires(Action.USER_ADMIN)
    @Operation(operationId = "disableAccount",
            summary = "Disable an account", description = "Its tokens are revoked and its logins refused at once.")
    public Account disable(@PathParam("username") String username) {
        return accounts.disable(username);
    }

    @POST
    @Path("/{username}/password")
    @Requires(Action.USER_ADMIN)
    @Operation(operationId = "setPassword",
            summary = "Set a new password", description = "At least 12 characters. Its tokens are revoked.")
    public void resetPassword(@PathParam("username") String username, @NotNull @Valid NewPassword body) {
        accounts.resetPassword(username, body.password()); // no body: 204
    }
}
