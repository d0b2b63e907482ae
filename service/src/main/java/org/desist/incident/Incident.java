package org.desist.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;

public record Incident(
        String id,
        String participantId,
        IncidentKind kind,
        LocalDate occurredOn,
        IncidentSource source,
        String details,
        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewIncident body() {
        return new NewIncident(kind, occurredOn, source, details);
    }
}
