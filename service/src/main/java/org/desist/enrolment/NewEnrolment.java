package org.desist.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.LocalDate;

public record NewEnrolment(
        @NotBlank String participantId,
        @NotBlank String cohortId,
        @Schema(example = "2026-02-03") @NotNull @PastOrPresent LocalDate on) {
}
