package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.ClientAddresses;
import org.desist.signin.Assurance;
import org.desist.user.OwnAccount;
import org.desist.user.PasswordChange;

/**
 * Changing one's own password: the only page an account on a temporary password may open. The change moves
 * the account's credential version, which ends every session of it, this one too; so the browser is given a
 * new session at once (the API's tokens of the account are revoked by the change itself).
 */
@Hidden
@Path(PasswordPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {
    static final String PATH = "/account/password";

    private final OwnAccount own;
    private final BrowserSessions sessions;
    private final SessionCookie cookie;

    PasswordPage(OwnAccount own, BrowserSessions sessions, SessionCookie cookie) {
        this.own = own;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @GET
    @Requires(Action.OWN_PASSWORD_CHANGE)
    public Page form(@Context ContainerRequestContext request) {
        return page(request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.OWN_PASSWORD_CHANGE)
    public Response change(
            MultivaluedMap<String, String> form, @Context ContainerRequestContext request, @Context Caller caller) {
        return Forms.submit(
                () -> {
                    PasswordChange change =
                            new PasswordChange(form.getFirst("currentPassword"), form.getFirst("newPassword"));
                    if (change.currentPassword() == null
                            || change.currentPassword().isEmpty()) {
                        throw new org.desist.refusal.Refusal.Invalid("currentPassword", "Enter your current password");
                    }
                    if (change.newPassword() == null || change.newPassword().isEmpty()) {
                        throw new org.desist.refusal.Refusal.Invalid("newPassword", "Enter a new password");
                    }
                    own.changePassword(caller, change);
                    sessions.end(cookie.read(request));
                    // the new session is as strong as the one that changed the password
                    boolean twoFactors = Assurance.of(request) == Assurance.TWO_FACTORS;
                    String session = sessions.start(caller.username(), twoFactors, ClientAddresses.of(request))
                            .orElseThrow();
                    return Response.seeOther(URI.create("/?passwordChanged"))
                            .cookie(cookie.issue(request, session))
                            .build();
                },
                problem -> page(request).refused(new MultivaluedHashMap<>(), problem));
    }

    private static Page page(ContainerRequestContext request) {
        return new Page("password.ftlh", Screens.viewer(request), "Change your password");
    }
}
