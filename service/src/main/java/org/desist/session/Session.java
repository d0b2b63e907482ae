package org.desist.session;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;

/** A session: its schedule, then its outcome (null until recorded). */
public record Session(
        String id,
        String participantId,
        SessionKind kind,
        Instant scheduledAt,
        int durationMinutes,
        String facilitator,
        @Schema(nullable = true) SessionOutcome outcome,
        @Schema(nullable = true) Integer engagement,

        @Schema(nullable = true, description = "Clinical free text: null for every role but clinician")
        String notes,

        @Schema(nullable = true) Boolean shareable,
        @Schema(nullable = true) String concern,
        @Schema(nullable = true) Instant outcomeRecordedAt,
        @Schema(nullable = true) String outcomeRecordedBy,
        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    SessionBody body() {
        return new SessionBody(
                kind,
                scheduledAt,
                durationMinutes,
                facilitator,
                outcome,
                engagement,
                notes,
                shareable,
                concern,
                outcomeRecordedAt);
    }

    /** The session without its clinical notes, for readers who may not see clinical text. */
    Session withoutNotes() {
        return new Session(
                id,
                participantId,
                kind,
                scheduledAt,
                durationMinutes,
                facilitator,
                outcome,
                engagement,
                null,
                shareable,
                concern,
                outcomeRecordedAt,
                outcomeRecordedBy,
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }
}
