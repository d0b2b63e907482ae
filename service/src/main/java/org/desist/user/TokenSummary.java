package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A bearer token as its owner and administrators see it: never the token, nor its hash. */
public record TokenSummary(
        @Schema(description = "Use with DELETE /api/tokens/{id} to end it")
        String id,

        Instant createdAt,
        Instant expiresAt,

        @Schema(nullable = true, description = "When it was revoked; null while it works")
        Instant revokedAt) {}
