package org.desist.caserecord;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a record is marked entered in error. */
public record EnteredInError(
        @Schema(example = "Recorded against the wrong participant") @NotBlank @Size(max = 2000)
        String reason) {}
