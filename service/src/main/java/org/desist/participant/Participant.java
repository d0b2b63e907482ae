package org.desist.participant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

public record Participant(
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
        @JsonIgnore @Schema(hidden = true) int version) {

    public Identity identity() {
        return new Identity(givenName, familyName, dateOfBirth, pncId, nhsNumber);
    }
}
