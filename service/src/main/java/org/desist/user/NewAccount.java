package org.desist.user;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.desist.auth.Role;

/** An account to create: add-user's arguments, or the body of POST /api/users (its password is made by the service). */
public record NewAccount(
        @Schema(description = "Lower-case login name", example = "dr.okafor", pattern = Accounts.USERNAME_PATTERN)
        @NotNull
        String username,

        @ArraySchema(arraySchema = @Schema(description = "At least one", example = "[\"clinician\"]"))
        @NotNull
        @Size(min = 1, max = 7)
        Set<@NotNull Role> roles,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Site codes; none means every site (programme_lead and"
                                        + " admin only). An administrator bound to sites grants only their own.",
                                example = "[\"STAC\"]"))
        @NotNull
        @Size(max = 100)
        Set<@NotNull String> sites,

        @Schema(
                nullable = true,
                description = "Where the account's alerts are emailed (optional)",
                example = "a.okafor@nhs.example",
                maxLength = EmailAddress.MAX)
        @Size(max = EmailAddress.MAX)
        String email) {
    /** Without an email address. */
    public NewAccount(String username, Set<Role> roles, Set<String> sites) {
        this(username, roles, sites, null);
    }
}
