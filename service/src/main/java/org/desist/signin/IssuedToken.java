package org.desist.signin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A bearer token as issued: shown once, never stored in the clear. */
public record IssuedToken(
        @Schema(description = "Use with DELETE /api/tokens/{id} to revoke")
        String id,

        @Schema(description = "Send as 'Authorization: Bearer <token>'")
        String token,

        Instant expiresAt,

        @Schema(description = "Only when a recovery code was used: how many unused ones remain")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer recoveryCodesLeft) {
    public IssuedToken(String id, String token, Instant expiresAt) {
        this(id, token, expiresAt, null);
    }
}
