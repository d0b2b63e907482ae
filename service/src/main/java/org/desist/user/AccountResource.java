package org.desist.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.Page;
import org.desist.http.Paging;
import org.desist.secondfactor.SecondFactors;

/**
 * Account administration. An administrator bound to sites sees and acts on only the accounts within their
 * sites; any other account answers 404 as if it did not exist. Every change is audited.
 */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {
    private static final String SCOPE = " An administrator bound to sites acts only on accounts within them.";
    private final Accounts accounts;
    private final AccountTokens tokens;
    private final SecondFactors secondFactors;

    public AccountResource(Accounts accounts, AccountTokens tokens, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.secondFactors = secondFactors;
    }

    @GET
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "listAccounts",
            summary = "List accounts",
            description = "Those the administrator may administer: for one bound to sites, the accounts bound to"
                    + " those sites and no other.")
    public Page<Account> list(@Valid @BeanParam Paging paging, @Context UriInfo uri, @Context Caller caller) {
        return Page.of(accounts.list(caller, paging.fetch(), paging.getOffset()), paging, uri);
    }

    @POST
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "createAccount",
            summary = "Create an account",
            description = "The service makes a temporary password, shown once in the answer: its owner must change it"
                    + " at the first sign-in, before it expires. An administrator bound to sites grants only their own"
                    + " sites and never the admin role.")
    @ApiResponse(
            responseCode = "201",
            description = "Created: the account and its temporary password, shown this once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CreatedAccount.class)))
    @ApiResponse(responseCode = "409", description = "An account with this username exists")
    public Response create(@NotNull @Valid NewAccount request, @Context Caller caller, @Context UriInfo uri) {
        CreatedAccount created = accounts.create(request, caller);
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(created.account().username())
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path("/{username}")
    @Requires(Action.USER_ADMIN)
    @Operation(operationId = "getAccount", summary = "Read an account", description = SCOPE)
    public Account get(@PathParam("username") String username, @Context Caller caller) {
        return accounts.find(caller, username);
    }

    @POST
    @Path("/{username}/disable")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "disableAccount",
            summary = "Disable an account",
            description = "Its tokens are revoked and its sign-ins refused at once, on every instance." + SCOPE)
    public Account disable(@PathParam("username") String username, @Context Caller caller) {
        return accounts.disable(caller, username);
    }

    @POST
    @Path("/{username}/enable")
    @Requires(Action.USER_ADMIN)
    @Operation(operationId = "enableAccount", summary = "Enable a disabled account", description = SCOPE)
    public Account enable(@PathParam("username") String username, @Context Caller caller) {
        return accounts.enable(caller, username);
    }

    @PUT
    @Path("/{username}/access")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "changeAccountAccess",
            summary = "Replace an account's roles and sites",
            description = "Its tokens are revoked. An administrator bound to sites grants only their own sites and"
                    + " neither grants nor removes the admin role (403 naming the field)." + SCOPE)
    public Account changeAccess(
            @PathParam("username") String username, @NotNull @Valid AccountAccess access, @Context Caller caller) {
        return accounts.changeAccess(caller, username, access);
    }

    @PUT
    @Path("/{username}/email")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "changeAccountEmail",
            summary = "Set or remove where an account's alerts are emailed",
            description = "null or empty removes it; a malformed address is 422 naming email." + SCOPE)
    public Account changeEmail(
            @PathParam("username") String username, @NotNull @Valid EmailChange change, @Context Caller caller) {
        return accounts.changeEmail(caller, username, change);
    }

    @POST
    @Path("/{username}/password")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "resetPassword",
            summary = "Reset a password to a temporary one",
            description = "Takes no body. The service makes a temporary password and shows it this once; the old"
                    + " password and every token stop working at once. The temporary password lets its owner do"
                    + " nothing but change it (POST /me/password), and expires (72 hours unless configured)." + SCOPE)
    public TemporaryPassword resetPassword(@PathParam("username") String username, @Context Caller caller) {
        return accounts.resetPassword(caller, username);
    }

    @GET
    @Path("/{username}/tokens")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "listAccountTokens",
            summary = "List an account's tokens",
            description = "Those not yet expired, revoked or not, newest first; never the tokens themselves." + SCOPE)
    public Page<TokenSummary> tokens(
            @PathParam("username") String username,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(tokens.of(caller, username, paging.fetch(), paging.getOffset()), paging, uri);
    }

    @DELETE
    @Path("/{username}/tokens")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "endAccountTokens",
            summary = "Sign an account out everywhere",
            description = "Revokes every token of the account." + SCOPE)
    public void endTokens(@PathParam("username") String username, @Context Caller caller) {
        tokens.endAll(caller, username); // no body: 204
    }

    @DELETE
    @Path("/{username}/second-factor")
    @Requires(Action.USER_ADMIN)
    @Operation(
            operationId = "resetSecondFactor",
            summary = "Reset an account's second factor",
            description = "For a lost authenticator: the account's second factor and recovery codes go, every"
                    + " session and token of it ends at once, and it must enrol a second factor again at its next"
                    + " sign-in (with its password alone it can do nothing else)." + SCOPE)
    @ApiResponse(responseCode = "204", description = "Reset: the account must enrol again")
    public void resetSecondFactor(@PathParam("username") String username, @Context Caller caller) {
        secondFactors.reset(caller, username); // no body: 204
    }
}
