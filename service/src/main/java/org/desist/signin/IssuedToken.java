package org.desist.signin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A bearer token as issued: shown once, never stored in the clear. */
public record IssuedToken(
        @Schema(description = "Use with DELETE /api/tokens/{id} to revoke")
        String id,

        @Schema(description = "Send as 'Authorization: Bearer <token>'")
        String token,

        Instant expiresAt) {}
