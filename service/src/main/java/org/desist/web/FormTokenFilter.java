package org.desist.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.desist.http.ProblemException;
import org.glassfish.jersey.server.ContainerRequest;

/**
 * Cross-site request forgery, refused twice over on every form sent to the screens. The browser's Origin (or,
 * failing that, its Referer) must be this service's own host; and a signed-in session's form must carry the
 * session's synchronizer token. The sign-in and set-up forms, sent before there is a session, must show their
 * origin. The session cookie's SameSite=Strict is a third line, not the only one.
 */
@Priority(Priorities.AUTHORIZATION + 10)
final class FormTokenFilter implements ContainerRequestFilter {
    static final String FIELD = "csrf";

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        Optional<BrowserSession> session = SessionSignInFilter.of(request);
        String host = request.getHeaderString("Host");
        Optional<String> origin = Optional.ofNullable(request.getHeaderString("Origin"))
                .or(() -> Optional.ofNullable(request.getHeaderString("Referer")));
        if (origin.isPresent() ? !sameHost(origin.get(), host) : session.isEmpty()) {
            throw refused("This form was not sent from this service's own pages");
        }
        if (session.isPresent() && !BrowserSessions.tokenMatches(session.get(), token(request))) {
            throw refused("This form has expired or was not sent from this service: go back, reload the page and"
                    + " send it again");
        }
    }

    private static String token(ContainerRequestContext request) {
        if (!request.hasEntity() || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType())) {
            return null;
        }
        ContainerRequest jersey = (ContainerRequest) request;
        jersey.bufferEntity(); // the page's resource method reads the form again
        return jersey.readEntity(Form.class).asMap().getFirst(FIELD);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(403, "Forbidden", why, List.of());
    }
}
