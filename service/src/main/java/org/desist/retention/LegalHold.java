package org.desist.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A legal hold on a case: while it is on (liftedAt null) the case cannot be disposed of. */
public record LegalHold(
        String id,
        String participantId,

        @Schema(nullable = true, description = "Why the case must be kept; null once the case is disposed of")
        String reason,

        Instant placedAt,
        String placedBy,

        @Schema(nullable = true, description = "null while the hold is on")
        Instant liftedAt,

        @Schema(nullable = true, description = "Who lifted it; null while the hold is on")
        String liftedBy) {
    boolean on() {
        return liftedAt == null;
    }
}
