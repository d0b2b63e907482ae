package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.desist.auth.Role;

/** A staff account as administrators see it: never its password hash. */
public record Account(
        String username,
        List<Role> roles,

        @Schema(description = "Sites whose cases the account works on; empty means every site")
        List<String> sites,

        boolean disabled,

        @Schema(description = "Its password is a temporary one an administrator set, not yet changed")
        boolean mustChangePassword,

        Instant createdAt,

        @Schema(nullable = true, description = "Where the account's alerts are emailed; null for none")
        String email) {}
