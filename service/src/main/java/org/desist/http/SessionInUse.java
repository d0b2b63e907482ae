package org.desist.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Which of the caller's browser sessions or bearer tokens made this request, by its public id: marked by the
 * filter that signed the request in, read where a list of one's sessions flags "this one". A request made with
 * a password (HTTP Basic) has none.
 */
public final class SessionInUse {
    private static final String PROPERTY = "desist.sessionInUse";

    private SessionInUse() {}

    public static void mark(ContainerRequestContext request, String publicId) {
        request.setProperty(PROPERTY, publicId);
    }

    public static Optional<String> of(ContainerRequestContext request) {
        return Optional.ofNullable((String) request.getProperty(PROPERTY));
    }
}
