package org.desist.cohort;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A pilot cohort, with how many it has enrolled next to its target. */
public record Cohort(
        String id,
        String siteCode,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        int target,

        @Schema(description = "Participants who have reached 'enrolled' in this cohort, whatever their state now")
        int enrolled,

        @Schema(description = "Participants in state 'enrolled' now")
        int active,

        Instant createdAt) {}
