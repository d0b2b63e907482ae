package org.desist.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.Optional;
import org.desist.auth.User;
import org.desist.http.ClientAddresses;
import org.desist.http.SessionInUse;
import org.desist.signin.Assurance;
import org.desist.signin.Credentials;
import org.desist.signin.SignIn;
import org.jdbi.v3.core.Jdbi;

/**
 * The screens' authentication: the session cookie, and nothing else (the API's Basic and Bearer are not read
 * here, and the API never reads this cookie). Without a live session the browser is sent to sign in. An
 * account on a temporary password is sent to change it, as the API refuses it everything else.
 */
@Priority(Priorities.AUTHENTICATION)
final class SessionSignInFilter implements ContainerRequestFilter {
    static final String SESSION = "desist.browserSession";

    private final BrowserSessions sessions;
    private final SessionCookie cookie;
    private final Jdbi jdbi;

    SessionSignInFilter(BrowserSessions sessions, SessionCookie cookie, Jdbi jdbi) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.jdbi = jdbi;
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
        if (user.mustChangePassword() && !PasswordPage.PATH.equals(path) && !SignInResource.SIGN_OUT.equals(path)) {
            throw new Redirect(PasswordPage.PATH);
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
}
