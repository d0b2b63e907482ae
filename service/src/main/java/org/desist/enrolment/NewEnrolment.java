package org.desist.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

public record NewEnrolment(
        @Schema(example = "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90", description = "From the referral's participantId")
        @NotBlank
        String participantId,

        @Schema(example = "5e3d1c2b-7a9f-4b8e-8c6d-1f2a3b4c5d6e", description = "A cohort of the participant's site")
        @NotBlank
        String cohortId,

        @Schema(example = "2026-02-03") @NotNull @PastOrPresent
        LocalDate on) {}
