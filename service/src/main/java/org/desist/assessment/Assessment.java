package org.desist.assessment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;

/**
 * An assessment as read. Readers who may not see health detail get stalkerType, diagnoses and
 * substanceMisuse as null; readers who may not see clinical text get formulation as null. An
 * unredacted record has lists, possibly empty, never null.
 */
public record Assessment(
        String id,
        String participantId,
        AssessmentKind kind,
        LocalDate assessedOn,
        String assessor,
        Instrument instrument,
        RiskRatings riskRatings,
        RiskRating overallRisk,

        @Schema(nullable = true, description = "Null when absent, or withheld from this reader")
        StalkerType stalkerType,

        @Schema(nullable = true) Relationship relationship,

        @Schema(nullable = true, description = "Null when withheld from this reader")
        List<Diagnosis> diagnoses,

        @Schema(nullable = true, description = "Null when withheld from this reader")
        List<String> substanceMisuse,

        @Schema(nullable = true, description = "Clinical free text: clinicians only; null for other readers")
        String formulation,

        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewAssessment body() {
        return new NewAssessment(
                kind,
                assessedOn,
                assessor,
                instrument,
                riskRatings,
                overallRisk,
                stalkerType,
                relationship,
                diagnoses,
                substanceMisuse,
                formulation);
    }

    Assessment withoutClinicalText() {
        return new Assessment(
                id,
                participantId,
                kind,
                assessedOn,
                assessor,
                instrument,
                riskRatings,
                overallRisk,
                stalkerType,
                relationship,
                diagnoses,
                substanceMisuse,
                null,
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }

    Assessment withoutHealthDetail() {
        return new Assessment(
                id,
                participantId,
                kind,
                assessedOn,
                assessor,
                instrument,
                riskRatings,
                overallRisk,
                null,
                relationship,
                null,
                null,
                formulation,
                status,
                errorReason,
                version,
                recordedAt,
                recordedBy,
                amendedAt,
                amendedBy);
    }
}
