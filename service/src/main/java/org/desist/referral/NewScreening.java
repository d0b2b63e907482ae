package org.desist.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A triage screening answered at the daily review. S-DASH is the only instrument so far. */
public record NewScreening(
        @Schema(allowableValues = "S-DASH", example = "S-DASH")
        @NotNull
        @Pattern(regexp = "S-DASH", message = "must be S-DASH")
        String instrument,

        @NotNull @Valid ScreeningAnswers answers) {}
