package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The body of POST /api/me/password. */
public record PasswordChange(
        @Schema(
                description = "The password signed in with now (the temporary one after a reset)",
                example = "correct horse battery staple")
        @NotNull
        String currentPassword,

        @Schema(
                description = "At least 12 characters; a long pass-phrase is kept whole",
                example = "seven wet pebbles by the weir")
        @NotNull
        String newPassword) {}
