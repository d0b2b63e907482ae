package org.desist.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.desist.auth.User;
import org.desist.http.ClientAddresses;
import org.desist.http.SessionInUse;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.Assurance;
import org.desist.signin.Credentials;
import org.desist.signin.SignIn;
import org.jdbi.v3.core.Jdbi;

/**
 * The screens' authentication: the session cookie, and nothing else (the API's Basic and Bearer are not read
 * here, and the API never reads this cookie). Without a live session the browser is sent to sign in. An
 * account on a temporary password is sent to change it, as the API refuses it everything else. A session begun
 * with the password alone, of an account that needs a second factor, is sent to present it (or, with none
 * enrolled, to enrol one): it reaches nothing else but signing out.
 */
@Priority(Priorities.AUTHENTICATION)
final class SessionSignInFilter implements ContainerRequestFilter {
    static final String SESSION = "desist.browserSession";
    private static final String SECOND_STEP_DUE = "desist.secondStepDue";

    private final BrowserSessions sessions;
    private final SessionCookie cookie;
    private final Jdbi jdbi;
    private final SecondFactors secondFactors;

    SessionSignInFilter(BrowserSessions sessions, SessionCookie cookie, Jdbi jdbi, SecondFactors secondFactors) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.jdbi = jdbi;
        this.secondFactors = secondFactors;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BrowserSession> session = sessions.find(cookie.read(request), ClientAddresses.of(request));
        if (session.isEmpty()) {
            throw new SignInRequired(returnTo(request));
        }
        User user = jdbi.withExtension(
                Credentials.class, accounts -> accounts.user(session.get().username()));
        SignIn.signIn(request, user, "session");
        Assurance.of(session.get().twoFactors()).mark(request);
        request.setProperty(SESSION, session.get());
        SessionInUse.mark(request, session.get().publicId());
        String path = "/" + request.getUriInfo().getPath();
        if (SignInResource.SIGN_OUT.equals(path)) {
            return;
        }
        if (user.mustChangePassword() && !PasswordPage.PATH.equals(path)) {
            throw new Redirect(PasswordPage.PATH);
        }
        if (!session.get().twoFactors()) {
            secondStep(request, user, path);
        }
    }

    /**
     * The password alone: where the account needs a second factor, the one step left. A temporary password is
     * changed first; the password page then asks for a current code too, if the account has enrolled.
     */
    private void secondStep(ContainerRequestContext request, User user, String path) {
        if (!secondFactors.needed(user.username())) {
            return;
        }
        request.setProperty(SECOND_STEP_DUE, Boolean.TRUE);
        if (user.mustChangePassword()) {
            return;
        }
        String step = secondFactors.enrolled(user.username()) ? SignInResource.CODE : SignInResource.ENROLMENT;
        if (!path.equals(step) && !path.startsWith(step + "/")) {
            throw new Redirect(step + "?next=" + URLEncoder.encode(returnTo(request), StandardCharsets.UTF_8));
        }
    }

    /** Where to come back to after signing in: a GET's own path and query; a form's page is not resent. */
    private static String returnTo(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        return "/" + request.getUriInfo().getPath(false) + (query == null ? "" : "?" + query);
    }

    static Optional<BrowserSession> of(ContainerRequestContext request) {
        return Optional.ofNullable((BrowserSession) request.getProperty(SESSION));
    }

    /** Whether this request's session still owes its second factor. */
    static boolean secondStepDue(ContainerRequestContext request) {
        return Boolean.TRUE.equals(request.getProperty(SECOND_STEP_DUE));
    }
}
