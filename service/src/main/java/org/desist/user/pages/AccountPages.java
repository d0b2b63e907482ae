package org.desist.user.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.listing.PageRequest;
import org.desist.secondfactor.SecondFactors;
import org.desist.site.SiteService;
import org.desist.user.Account;
import org.desist.user.AccountSessions;
import org.desist.user.Accounts;
import org.desist.user.CreatedAccount;
import org.desist.user.EmailChange;
import org.desist.user.NewAccount;
import org.desist.user.TemporaryPassword;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Screens;

/**
 * Account administration on screen: what AccountResource offers, through the same {@link Accounts}, so an
 * administrator bound to sites sees and changes only the accounts within them (any other answers 404, as the
 * API's) and every change is audited there. A temporary password is shown once, on the answer to the form that
 * made it, and kept nowhere.
 */
@Hidden
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {
    static final int PAGE = 50;
    /** Sites to tick from: a programme has a handful. */
    private static final PageRequest SITES = new PageRequest(200, 0);

    private final Accounts accounts;
    private final AccountSessions sessions;
    private final SiteService sites;
    private final FormBinding forms;
    private final SecondFactors secondFactors;

    public AccountPages(
            Accounts accounts,
            AccountSessions sessions,
            SiteService sites,
            FormBinding forms,
            SecondFactors secondFactors) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.sites = sites;
        this.forms = forms;
        this.secondFactors = secondFactors;
    }

    @GET
    @Requires(Action.USER_ADMIN)
    public AccountListPage list(
            @QueryParam("offset") @DefaultValue("0") int offset,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        int from = Math.max(offset, 0);
        List<Account> found = accounts.list(caller, PAGE + 1, from);
        return new AccountListPage(Screens.viewer(request), found, PAGE, from);
    }

    @GET
    @Path("/new")
    @Requires(Action.USER_ADMIN)
    public NewAccountPage newForm(@Context ContainerRequestContext request) {
        return new NewAccountPage(Screens.viewer(request), sites.list(SITES));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response create(
            MultivaluedMap<String, String> form, @Context Caller caller, @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    CreatedAccount created = accounts.create(newAccount(form), caller);
                    // shown on this answer alone: a redirect would have to keep the password somewhere
                    return Response.status(Response.Status.CREATED)
                            .entity(new AccountPage(
                                    Screens.viewer(request), created.account(), false, created.temporaryPassword()))
                            .build();
                },
                problem -> new NewAccountPage(Screens.viewer(request), sites.list(SITES)).refused(form, problem));
    }

    @GET
    @Path("/{username}")
    @Requires(Action.USER_ADMIN)
    public AccountPage account(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return accountAgain(username, caller, request);
    }

    @POST
    @Path("/{username}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response disable(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return change(username, caller, request, () -> accounts.disable(caller, username));
    }

    @POST
    @Path("/{username}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response enable(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return change(username, caller, request, () -> accounts.enable(caller, username));
    }

    /** Every browser session and token of the account ends (DELETE /api/users/{username}/sessions). */
    @POST
    @Path("/{username}/sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response endSessions(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return change(username, caller, request, () -> {
            sessions.endAll(caller, username);
            return null;
        });
    }

    @POST
    @Path("/{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response resetPassword(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    TemporaryPassword password = accounts.resetPassword(caller, username);
                    return Response.ok(new AccountPage(
                                    Screens.viewer(request),
                                    accounts.find(caller, username),
                                    secondFactors.enrolled(username),
                                    password))
                            .build();
                },
                problem -> accountAgain(username, caller, request).refused(new MultivaluedHashMap<>(), problem));
    }

    /** Asks before the reset: it cannot be undone, and the account's owner must set up their app again. */
    @GET
    @Path("/{username}/second-factor/reset")
    @Requires(Action.USER_ADMIN)
    public ResetSecondFactorPage confirmReset(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return new ResetSecondFactorPage(Screens.viewer(request), AccountView.of(accounts.find(caller, username)));
    }

    /** For a lost phone with its recovery codes: the owner's sessions and tokens end, and they enrol again. */
    @POST
    @Path("/{username}/second-factor/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response resetSecondFactor(
            @PathParam("username") String username, @Context Caller caller, @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    accounts.find(caller, username); // outside the administrator's sites: 404, as the API's
                    secondFactors.reset(caller, username);
                    return Response.ok(accountAgain(username, caller, request).secondFactorReset())
                            .build();
                },
                problem -> accountAgain(username, caller, request).refused(new MultivaluedHashMap<>(), problem));
    }

    /** Sets or removes the account's email address (PUT /api/users/{username}/email). */
    @POST
    @Path("/{username}/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.USER_ADMIN)
    public Response changeEmail(
            @PathParam("username") String username,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    accounts.changeEmail(caller, username, new EmailChange(form.getFirst("email")));
                    return Screens.seeOther("/admin/accounts/" + username);
                },
                problem -> accountAgain(username, caller, request).refused(form, problem));
    }

    /** A change of state, then the account's page showing it (POST, redirect, GET). */
    private Response change(String username, Caller caller, ContainerRequestContext request, Supplier<Account> change) {
        return Forms.submit(
                () -> {
                    change.get();
                    return Screens.seeOther("/admin/accounts/" + username);
                },
                problem -> accountAgain(username, caller, request).refused(new MultivaluedHashMap<>(), problem));
    }

    private AccountPage accountAgain(String username, Caller caller, ContainerRequestContext request) {
        return new AccountPage(
                Screens.viewer(request), accounts.find(caller, username), secondFactors.enrolled(username), null);
    }

    /**
     * The form as POST /api/users's body. No site ticked means every site, the body's empty list; a form sends
     * nothing for it, so the form is read with a stand-in site (the rest validated as the API validates it) and
     * the stand-in dropped.
     */
    private NewAccount newAccount(MultivaluedMap<String, String> form) {
        List<String> chosen = form.get("sites");
        if (chosen != null && chosen.stream().anyMatch(site -> !site.isBlank())) {
            return forms.read(form, NewAccount.class);
        }
        MultivaluedMap<String, String> withStandIn = new MultivaluedHashMap<>(form);
        withStandIn.putSingle("sites", "every site");
        NewAccount read = forms.read(withStandIn, NewAccount.class);
        return new NewAccount(read.username(), read.roles(), Set.of(), read.email());
    }
}
