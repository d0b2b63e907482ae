package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/** One way an account is signed in, as its owner sees it: never the cookie, the token, nor either's hash. */
public record SessionSummary(
        @Schema(description = "Use with DELETE /api/me/sessions/{id} to end it")
        String id,

        @Schema(description = "A browser session of the screens, or a bearer token of the API")
        Kind kind,

        Instant createdAt,

        @Schema(description = "Kept to the minute: the idle clock is written at most once a minute")
        Instant lastUsedAt,

        @Schema(nullable = true, description = "The client address it was begun from")
        String startedFrom,

        @Schema(nullable = true, description = "The client address it was last used from")
        String lastUsedFrom,

        @Schema(description = "True for the session or token making this request") @ColumnName("in_use")
        boolean current,

        @Schema(description = "Begun with two factors (password and code, or an identity provider's own)")
        boolean twoFactors) {

    public enum Kind {
        browser,
        token
    }
}
