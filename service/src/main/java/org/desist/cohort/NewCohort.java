package org.desist.cohort;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public record NewCohort(
        @Schema(example = "STAC") @NotBlank String siteCode,

        @Schema(example = "STAC pilot 2026") @NotBlank @Size(max = 200)
        String name,

        @Schema(example = "2026-01-05") @NotNull LocalDate startsOn,
        @Schema(example = "2027-12-31") @NotNull LocalDate endsOn,

        @Schema(example = "20") @NotNull @Min(1) @Max(10_000)
        Integer target) {}
