package org.desist.caserecord;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One version of a record as it was saved, with who saved it, when and why. */
public record RecordVersion<V>(
        int version,
        V record,
        Instant recordedAt,
        String recordedBy,

        @Schema(nullable = true, description = "Why the record was amended; absent for the first version")
        String reason) {}
