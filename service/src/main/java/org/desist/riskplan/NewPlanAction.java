package org.desist.riskplan;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An action of the risk management plan as agreed, and as amended. Its dates may lie ahead. */
public record NewPlanAction(
        @Schema(example = "Serve the stalking protection order and confirm its conditions in writing")
        @NotBlank
        @Size(max = 2000)
        String action,

        @NotNull Agency agency,

        @Schema(example = "DC 4521 Patel") @NotBlank @Size(max = 200)
        String owner,

        @Schema(example = "2026-03-20") @NotNull LocalDate dueOn,
        @Schema(example = "2026-04-03") @NotNull LocalDate reviewOn) {}
