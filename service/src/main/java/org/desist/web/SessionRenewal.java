package org.desist.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.NewCookie;
import org.desist.auth.User;
import org.desist.http.ClientAddresses;

/**
 * A browser's session replaced by a new one of the same account, whenever it grows stronger or its password
 * changes: the old row ends and a new id is issued, so an id known before (planted in the browser, or seen over
 * a shoulder) opens nothing after. The page answering the change is drawn with the new session's form token.
 */
public final class SessionRenewal {
    private final BrowserSessions sessions;
    private final SessionCookie cookie;

    SessionRenewal(BrowserSessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** Ends this request's session and starts another; 401 if the account was disabled in the meantime. */
    public Renewed renew(ContainerRequestContext request, String username, boolean twoFactors) {
        sessions.end(cookie.read(request));
        String address = ClientAddresses.of(request);
        String value =
                sessions.start(username, twoFactors, address).orElseThrow(() -> new WebApplicationException(401));
        BrowserSession session = sessions.find(value, address).orElseThrow(() -> new WebApplicationException(401));
        Object principal = request.getSecurityContext() == null
                ? null
                : request.getSecurityContext().getUserPrincipal();
        Viewer viewer = principal instanceof User user ? new Viewer(user, session.csrfToken()) : Viewer.ANONYMOUS;
        return new Renewed(cookie.issue(request, value), viewer);
    }

    /** The new session's cookie, and the viewer to draw the answer for. */
    public record Renewed(NewCookie cookie, Viewer viewer) {}
}
