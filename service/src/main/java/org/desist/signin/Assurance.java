package org.desist.signin;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * How strongly this request's caller proved who they are: with a password alone (HTTP Basic, a token or session
 * begun with a password alone), or with two factors (a token or session begun with the password and a current
 * code, or an identity provider that asserted its own second factor). Set by whichever filter signed the request
 * in; read by {@link org.desist.access.AccessFeature}, which lets a password alone do no more than get two.
 */
public enum Assurance {
    PASSWORD_ONLY,
    TWO_FACTORS;

    private static final String PROPERTY = "desist.assurance";

    public static Assurance of(ContainerRequestContext request) {
        Object value = request.getProperty(PROPERTY);
        return value instanceof Assurance assurance ? assurance : PASSWORD_ONLY;
    }

    public static Assurance of(boolean twoFactors) {
        return twoFactors ? TWO_FACTORS : PASSWORD_ONLY;
    }

    public void mark(ContainerRequestContext request) {
        request.setProperty(PROPERTY, this);
    }
}
