package org.desist.legal;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

public record LegalMeasure(
        String id,
        String participantId,
        LegalMeasureKind kind,
        @ColumnName("from_date") LocalDate from,
        @ColumnName("until_date") @Schema(nullable = true) LocalDate until,
        @Schema(nullable = true) String conditions,
        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    /**
     * Whether the measure is in force today (in London), worked out when the record is read, never
     * stored: from on or before today, and no until or until on or after today. In a record's history
     * it too is for today, from that version's dates.
     */
    @JsonProperty(value = "inForce", access = JsonProperty.Access.READ_ONLY)
    @Schema(
            accessMode = Schema.AccessMode.READ_ONLY,
            description = "Whether the measure is in force today"
                    + " (Europe/London): from <= today and (no until, or until >= today)")
    public boolean inForce() {
        return inForceOn(LocalDate.now(ProgrammeClock.ZONE));
    }

    boolean inForceOn(LocalDate day) {
        return !from.isAfter(day) && (until == null || !until.isBefore(day));
    }

    NewLegalMeasure body() {
        return new NewLegalMeasure(kind, from, until, conditions);
    }
}
