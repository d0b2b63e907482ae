package org.desist.team;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One allocation of an account to a part on a case: open while {@code to} is null; ended ones are the history. */
public record Allocation(
        String id,
        String participantId,
        @Schema(example = "k.worker") String username,
        TeamRole role,
        @Schema(example = "2026-02-03") LocalDate from,

        @Schema(nullable = true, description = "The last day of the allocation, once it has ended")
        LocalDate to,

        Instant allocatedAt,
        String allocatedBy,
        @Schema(nullable = true) Instant endedAt,
        @Schema(nullable = true) String endedBy) {

    public boolean open() {
        return endedAt == null;
    }
}
