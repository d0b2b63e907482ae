package org.desist.attention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A recipient's acknowledgement of an alert: what they did or will do about it, for their own record. */
public record NewAcknowledgement(
        @Schema(
                example = "Spoke to the key worker; discussed at today's review",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank
        @Size(max = 2000)
        String note) {}
