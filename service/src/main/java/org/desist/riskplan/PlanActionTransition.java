package org.desist.riskplan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Closing an open action of the plan: done or dropped, on a date that has happened, and why. */
public record PlanActionTransition(
        @Schema(description = "done or dropped; an action moves once, from open") @NotNull
        PlanActionState to,

        @Schema(example = "2026-03-18") @NotNull LocalDate on,

        @Schema(example = "Order served in person; conditions explained") @NotBlank @Size(max = 2000)
        String reason) {}
