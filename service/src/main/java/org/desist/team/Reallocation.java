package org.desist.team;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Every open allocation of one account at a site, moved to another account (someone leaves or moves). */
public record Reallocation(
        @Schema(example = "k.leaving", description = "Whose open allocations at the site move")
        @NotBlank
        @Size(max = 100)
        String from,

        @Schema(example = "k.worker", description = "An enabled account of the site whose role fits every part moved")
        @NotBlank
        @Size(max = 100)
        String to,

        @Schema(example = "2026-04-01", description = "The new allocations begin this day; the old end the day before")
        @NotNull
        LocalDate on) {}
