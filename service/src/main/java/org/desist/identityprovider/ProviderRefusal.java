package org.desist.identityprovider;

/**
 * A sign-in through the identity provider that did not succeed: the reason decides the page the browser sees
 * (never the detail, which goes to the log, and never a token).
 */
class ProviderRefusal extends RuntimeException {
    enum Reason {
        /** The provider answered the callback with an error (the user cancelled, or it refused them). */
        PROVIDER_ERROR,
        /** The provider could not be reached, or answered what is not OpenID Connect. */
        PROVIDER_UNREACHABLE,
        /** No sign-in under way for this state in this browser: unknown, replayed, expired or another browser's. */
        UNKNOWN_STATE,
        /** The ID token failed a check: signature, issuer, audience, expiry or nonce. */
        BAD_ID_TOKEN,
        /** The provider last checked the person longer ago than the maximum age, or did not say when. */
        STALE_AUTHENTICATION,
        /** A bearer JWT failed a check. */
        BAD_ACCESS_TOKEN,
        /** The provider vouched for someone no Desist account is linked to. */
        UNLINKED,
        /** The linked account is disabled. */
        DISABLED
    }

    private final Reason reason;

    ProviderRefusal(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
