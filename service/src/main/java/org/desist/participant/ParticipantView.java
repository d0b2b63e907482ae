package org.desist.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One participant as {@code GET /participants/{id}} answers it: the identity, and to the data protection officer
 * alone whether processing of the case is restricted and why (restriction/); the two are left out for anyone else.
 */
public record ParticipantView(
        String id,
        @Schema(example = "STAC-2026-0001") String caseRef,
        String siteCode,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String pncId,
        String nhsNumber,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "To the DPO only: whether processing of the case is restricted")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean restricted,

        @Schema(description = "To the DPO only: the purpose of the restriction in force, the only one reads may serve")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String restrictionPurpose) {

    public static ParticipantView of(Participant participant) {
        return view(participant, null, null);
    }

    public static ParticipantView forDpo(Participant participant, Optional<String> restrictionPurpose) {
        return view(participant, restrictionPurpose.isPresent(), restrictionPurpose.orElse(null));
    }

    private static ParticipantView view(Participant p, Boolean restricted, String purpose) {
        return new ParticipantView(
                p.id(),
                p.caseRef(),
                p.siteCode(),
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.pncId(),
                p.nhsNumber(),
                p.createdAt(),
                p.updatedAt(),
                restricted,
                purpose);
    }
}
