package org.desist.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The daily case review's outcome for one referral. */
public record NewReview(
        @Schema(example = "2026-02-02") @NotNull @PastOrPresent
        LocalDate reviewedOn,

        @NotNull Priority priority,
        @NotNull TriageDecision decision,

        @Schema(example = "Escalating fixation; victim fearful; accepted for assessment") @NotBlank @Size(max = 4000)
        String reason,

        @Schema(nullable = true, description = "Optional triage screening answered at the review") @Valid
        NewScreening screening,

        @Schema(
                nullable = true,
                example = "k.worker",
                description = "With accept_for_intervention only: the clinician allocated as the case's key worker"
                        + " from `reviewedOn`. Absent, a reviewer who is a clinician at the site becomes it.")
        @Size(max = 100)
        String keyWorker) {}
