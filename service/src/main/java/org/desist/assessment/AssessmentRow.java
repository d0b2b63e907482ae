package org.desist.assessment;

import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.RecordStatus;
import org.desist.risk.RiskRating;

/** An assessment as its table holds it: the four ratings as columns, the lists as JSON text. */
public record AssessmentRow(
        String id,
        String participantId,
        AssessmentKind kind,
        LocalDate assessedOn,
        String assessor,
        Instrument instrument,
        RiskRating riskViolence,
        RiskRating riskPersistence,
        RiskRating riskRecurrence,
        RiskRating riskPsychosocialDamage,
        RiskRating overallRisk,
        StalkerType stalkerType,
        Relationship relationship,
        String diagnoses,
        String substanceMisuse,
        String formulation,
        RecordStatus status,
        String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        Instant amendedAt,
        String amendedBy) {}
