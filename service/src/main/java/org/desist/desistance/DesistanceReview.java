package org.desist.desistance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;
import org.desist.risk.RiskRatings;
import org.jdbi.v3.core.mapper.Nested;

/** A desistance review: risk per domain now, fixation, victim contact, engagement and a clinical narrative. */
public record DesistanceReview(
        String id,
        String participantId,
        LocalDate reviewedOn,
        @Nested("risk") RiskRatings riskRatings,
        int fixation,
        boolean victimContactSinceLastReview,
        int engagement,

        @Schema(nullable = true, description = "Clinicians only; absent for other roles")
        String narrative,

        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewDesistanceReview body() {
        return new NewDesistanceReview(
                reviewedOn, riskRatings, fixation, victimContactSinceLastReview, engagement, narrative);
    }

    /** The review without its clinical narrative. */
    DesistanceReview withoutNarrative() {
        return new DesistanceReview(
                id,
                participantId,
                reviewedOn,
                riskRatings,
                fixation,
                victimContactSinceLastReview,
                engagement,
                null,
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }
}
