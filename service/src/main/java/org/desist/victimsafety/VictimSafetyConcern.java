package org.desist.victimsafety;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;

/** A concern for the victim's safety and what was done about it. The victim is known only by reference. */
public record VictimSafetyConcern(
        String id,
        String participantId,

        @Schema(description = "The advocacy service's reference for the victim, from the case's referral")
        String victimRef,

        LocalDate raisedOn,
        String concern,
        @Schema(nullable = true) String actionTaken,
        RecordStatus status,
        @Schema(nullable = true) String errorReason,
        int version,
        Instant recordedAt,
        String recordedBy,
        @Schema(nullable = true) Instant amendedAt,
        @Schema(nullable = true) String amendedBy)
        implements CaseRecord {

    NewVictimSafetyConcern body() {
        return new NewVictimSafetyConcern(raisedOn, concern, actionTaken, victimRef);
    }
}
