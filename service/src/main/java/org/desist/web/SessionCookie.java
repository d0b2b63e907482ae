package org.desist.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;

/**
 * The session's cookie: HttpOnly, SameSite=Strict, path /, no expiry (gone when the browser closes). Over TLS
 * (the connection's own, or a TLS proxy's that the configuration declares) it is Secure and takes the
 * {@code __Host-} prefix, which binds it to this host and path; over plain HTTP (a laptop) browsers refuse
 * both, so it goes without.
 */
final class SessionCookie {
    static final String SECURE_NAME = "__Host-desist-session";
    static final String PLAIN_NAME = "desist-session";

    private final boolean behindTlsProxy;

    SessionCookie(boolean behindTlsProxy) {
        this.behindTlsProxy = behindTlsProxy;
    }

    boolean secure(ContainerRequestContext request) {
        return behindTlsProxy
                || request.getSecurityContext() != null
                        && request.getSecurityContext().isSecure();
    }

    private String name(ContainerRequestContext request) {
        return secure(request) ? SECURE_NAME : PLAIN_NAME;
    }

    String read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(name(request));
        return cookie == null ? null : cookie.getValue();
    }

    NewCookie issue(ContainerRequestContext request, String value) {
        return builder(request, value).build();
    }

    NewCookie clear(ContainerRequestContext request) {
        return builder(request, "").maxAge(0).build();
    }

    private NewCookie.Builder builder(ContainerRequestContext request, String value) {
        return new NewCookie.Builder(name(request))
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure(request))
                .sameSite(NewCookie.SameSite.STRICT);
    }
}
