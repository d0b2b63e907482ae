package org.desist.web;

import java.time.Instant;

/** A signed-in browser, as its row holds it: never the cookie's value, only its hash. */
public record BrowserSession(
        String idHash,
        /** What names it to its owner (GET /api/me/sessions): random, not derived from the cookie. */
        String publicId,
        String username,
        long credentialVersion,
        String csrfToken,
        Instant startedAt,
        Instant lastSeenAt,
        /** Begun with two factors (password and code, or an identity provider that asserted its own). */
        boolean twoFactors) {}
