package org.desist.desistance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.desist.risk.RiskRatings;

/** A desistance review as a clinician records it, and as amended. */
public record NewDesistanceReview(
        @Schema(example = "2026-06-01") @NotNull LocalDate reviewedOn,
        @NotNull @Valid RiskRatings riskRatings,

        @Schema(description = "Fixation and obsession, 0 (none) to 10", example = "4") @NotNull @Min(0) @Max(10)
        Integer fixation,

        @Schema(description = "Any contact with the victim since the last review") @NotNull
        Boolean victimContactSinceLastReview,

        @Schema(description = "Engagement with the intervention, 1 (none) to 5", example = "4") @NotNull @Min(1) @Max(5)
        Integer engagement,

        @Schema(
                nullable = true,
                description = "Clinical free text; returned to clinicians only",
                example = "Rumination reduced; has stopped checking the victim's social media")
        @Size(max = 20000)
        String narrative) {}
