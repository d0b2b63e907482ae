package org.desist.enrolment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A requested move of an enrolment to another state. */
public record Transition(
        @NotNull EnrolmentState to,

        @Schema(example = "2026-02-10") @NotNull @PastOrPresent
        LocalDate on,

        @Schema(example = "Consented to assessment") @NotBlank @Size(max = 2000)
        String reason,

        @Schema(
                nullable = true,
                example = "motivation/declined_to_engage",
                description = "One of GET /api/reference/reason-codes")
        @Size(max = 100)
        String reasonCode) {}
