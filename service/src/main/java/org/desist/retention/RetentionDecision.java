package org.desist.retention;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A recorded retention decision. After disposal its reason is erased (it may quote the case); the rest stays. */
public record RetentionDecision(
        String id,
        String participantId,
        @Schema(allowableValues = {"retain", "dispose"}) String decision,

        @Schema(nullable = true, description = "retain: the case comes up for review again on this day")
        LocalDate until,

        @Schema(nullable = true, description = "retain: why; null once the case is disposed of")
        String reason,

        Instant decidedAt,
        String decidedBy) {}
