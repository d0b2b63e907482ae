package org.desist.web;

import java.time.Instant;

/** A signed-in browser, as its row holds it: never the cookie's value, only its hash. */
public record BrowserSession(
        String idHash,
        String username,
        long credentialVersion,
        String csrfToken,
        Instant startedAt,
        Instant lastSeenAt,
        /** Begun with two factors (password and code, or an identity provider that asserted its own). */
        boolean twoFactors) {}
