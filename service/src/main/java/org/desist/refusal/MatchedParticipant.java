package org.desist.refusal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** A live participant a request matched, listed in a 409 only when the caller may see its site. */
@Schema(name = "MatchedParticipant")
public record MatchedParticipant(
        @Schema(
                description = "The participant's id: refer with it as participantId",
                example = "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90")
        String id,

        @Schema(example = "STAC-2026-0001") String caseRef,
        @Schema(example = "Daniel") String givenName,
        @Schema(example = "Hale") String familyName,
        @Schema(example = "1987-03-14") LocalDate dateOfBirth,
        @Schema(example = "STAC") String siteCode,
        @Schema(example = "London STAC") String siteName,

        @Schema(
                description = "What matched",
                allowableValues = {"nhsNumber", "pncId", "nameAndDateOfBirth"})
        String matchedOn) {}
