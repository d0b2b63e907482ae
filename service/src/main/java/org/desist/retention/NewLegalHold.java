package org.desist.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A legal hold to place on a case. */
public record NewLegalHold(
        @Schema(example = "Civil claim 2026/123 pending", description = "Why the case must be kept")
        @NotBlank
        @Size(max = 2000)
        String reason) {}
