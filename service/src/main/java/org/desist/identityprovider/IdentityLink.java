package org.desist.identityprovider;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An account's link to a subject of the organisation's identity provider. */
public record IdentityLink(
        String username,

        @Schema(description = "The provider's issuer URL when the link was made")
        String issuer,

        @Schema(
                description = "The value of the provider's configured claim (sub by default) that signs in as this"
                        + " account")
        String subject,

        Instant linkedAt,

        @Schema(description = "The administrator who made the link")
        String linkedBy) {}
