package org.desist.team;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The last day of an allocation. */
public record AllocationEnd(
        @Schema(example = "2026-03-31", description = "Not before the allocation began") @NotNull
        LocalDate to) {}
