package org.desist.onward;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A requested move of an onward referral to another state. */
public record ServiceReferralTransition(
        @NotNull ServiceReferralState to,
        @Schema(example = "2026-03-10") @NotNull LocalDate on,

        @Schema(example = "Offered a place in the community alcohol team's group") @NotBlank @Size(max = 2000)
        String reason) {}
