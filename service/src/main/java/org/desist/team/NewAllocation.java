package org.desist.team;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An account to take a part on a case, from a day. */
public record NewAllocation(
        @Schema(example = "k.worker", description = "An enabled account of the case's site whose role fits the part")
        @NotBlank
        @Size(max = 100)
        String username,

        @Schema(
                description = "key_worker: a clinician; responsible_officer: probation; advocate: an advocate;"
                        + " police_contact: police; cps_lawyer: CPS")
        @NotNull
        TeamRole role,

        @Schema(example = "2026-02-03", description = "The first day; a part already held ends the day before") @NotNull
        LocalDate from) {}
