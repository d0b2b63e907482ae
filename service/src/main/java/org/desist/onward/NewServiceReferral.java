package org.desist.onward;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An onward referral as made, and as amended. The kind must be one the service offers. */
public record NewServiceReferral(
        @NotNull OnwardService service,
        @NotNull ServiceKind kind,

        @Schema(example = "Northside Community Alcohol Team") @NotBlank @Size(max = 200)
        String provider,

        @Schema(example = "2026-03-02") @NotNull LocalDate madeOn,

        @Schema(example = "Drinks heavily before contacting the victim; agreed to seek help")
        @NotBlank
        @Size(max = 4000)
        String reason) {}
