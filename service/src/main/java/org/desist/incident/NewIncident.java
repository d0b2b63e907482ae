package org.desist.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An incident as reported, and as amended. */
public record NewIncident(
        @NotNull IncidentKind kind,
        @Schema(example = "2026-05-14") @NotNull LocalDate occurredOn,
        @NotNull IncidentSource source,

        @Schema(example = "Sent three messages to the victim via a new social media account")
        @NotBlank
        @Size(max = 4000)
        String details) {}
