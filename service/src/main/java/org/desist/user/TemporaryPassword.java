package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A password the service made for an account, shown once to the administrator who asked for it. It lets the
 * account do one thing, change it (POST /api/me/password), and stops working at {@code expiresAt}.
 */
public record TemporaryPassword(
        String username,

        @Schema(description = "Shown this once; give it to the account's owner by a channel of its own")
        String password,

        Instant expiresAt) {}
