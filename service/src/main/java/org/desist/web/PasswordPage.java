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
import org.desist.refusal.Refusal;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.Assurance;
import org.desist.user.OwnAccount;
import org.desist.user.PasswordChange;

/**
 * Changing one's own password: the only page an account on a temporary password may open. An account with an
 * authenticator app gives a current code of it too (ASVS 7.5.1), so a password alone cannot replace itself. The
 * change moves the account's credential version, which ends every session of it, this one too; so the browser is
 * given a new session at once (the API's tokens of the account are revoked by the change itself).
 */
@Hidden
@Path(PasswordPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class PasswordPage {
    static final String PATH = "/account/password";

    private final OwnAccount own;
    private final SessionRenewal renewal;
    private final SecondFactors secondFactors;

    PasswordPage(OwnAccount own, SessionRenewal renewal, SecondFactors secondFactors) {
        this.own = own;
        this.renewal = renewal;
        this.secondFactors = secondFactors;
    }

    @GET
    @Requires(Action.OWN_PASSWORD_CHANGE)
    public Page form(@Context ContainerRequestContext request, @Context Caller caller) {
        return page(request, caller);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.OWN_PASSWORD_CHANGE)
    public Response change(
            MultivaluedMap<String, String> form, @Context ContainerRequestContext request, @Context Caller caller) {
        return Forms.submit(
                () -> {
                    PasswordChange change = new PasswordChange(
                            form.getFirst("currentPassword"), form.getFirst("newPassword"), form.getFirst("code"));
                    if (change.currentPassword() == null
                            || change.currentPassword().isEmpty()) {
                        throw new Refusal.Invalid("currentPassword", "Enter your current password");
                    }
                    boolean enrolled = secondFactors.enrolled(caller.username());
                    if (enrolled && (change.code() == null || change.code().isBlank())) {
                        throw new Refusal.Invalid("code", "Enter the 6-digit code from your authenticator app");
                    }
                    if (change.newPassword() == null || change.newPassword().isEmpty()) {
                        throw new Refusal.Invalid("newPassword", "Enter a new password");
                    }
                    try {
                        own.changePassword(caller, change); // checks the password, then the code if enrolled
                    } catch (Refusal.Forbidden refused) {
                        throw worded(refused);
                    }
                    // as strong as the session that changed it, or two factors if a code was given with it
                    boolean twoFactors = enrolled || Assurance.of(request) == Assurance.TWO_FACTORS;
                    return Response.seeOther(URI.create("/?passwordChanged"))
                            .cookie(renewal.renew(request, caller.username(), twoFactors)
                                    .cookie())
                            .build();
                },
                problem -> page(request, caller).refused(new MultivaluedHashMap<>(), problem));
    }

    /** A wrong code in the page's words; the service's name the field for an API's client. */
    private static Refusal worded(Refusal.Forbidden refused) {
        boolean code = refused.fields().stream().anyMatch(field -> "code".equals(field.field()));
        return code
                ? new Refusal.Forbidden(
                        "code", "The code is not right. Enter the code your app shows now: each code works once")
                : refused;
    }

    private PasswordForm page(ContainerRequestContext request, Caller caller) {
        return new PasswordForm(Screens.viewer(request), secondFactors.enrolled(caller.username()));
    }

    /** The form, with the code's field when the account has an authenticator app. */
    public static final class PasswordForm extends Page {
        private final boolean codeAsked;

        PasswordForm(Viewer viewer, boolean codeAsked) {
            super("password.ftlh", viewer, "Change your password");
            this.codeAsked = codeAsked;
        }

        public boolean isCodeAsked() {
            return codeAsked;
        }
    }
}
