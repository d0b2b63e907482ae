package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The body of PUT /api/users/{username}/email and PUT /api/me/email; the answer of the latter. */
public record EmailChange(
        @Schema(
                nullable = true,
                description = "Where the account's alerts are emailed; null or empty removes it",
                example = "a.okafor@nhs.example",
                maxLength = EmailAddress.MAX)
        @Size(max = EmailAddress.MAX)
        String email) {}
