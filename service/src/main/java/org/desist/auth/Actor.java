package org.desist.auth;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Who is acting: recorded beside every change ("by") and, later, every audit row. */
public record Actor(String username) {

    public static Actor of(SecurityContext context) {
        Principal principal = context == null ? null : context.getUserPrincipal();
        return new Actor(principal == null ? "anonymous" : principal.getName());
    }
}
