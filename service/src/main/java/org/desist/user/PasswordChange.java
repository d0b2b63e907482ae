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
        String newPassword,

        @Schema(description = "A current code of your second factor: required when you have one", example = "123456")
        String code) {
    /** A change without a second factor's code, as an account without one makes it. */
    public PasswordChange(String currentPassword, String newPassword) {
        this(currentPassword, newPassword, null);
    }
}
