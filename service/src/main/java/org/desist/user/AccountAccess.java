package org.desist.user;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.desist.auth.Role;

/** An account's roles and sites, replaced as a whole by PUT /api/users/{username}/access. */
public record AccountAccess(
        @ArraySchema(arraySchema = @Schema(description = "At least one", example = "[\"clinician\", \"probation\"]"))
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
        Set<@NotNull String> sites) {}
