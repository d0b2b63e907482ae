package org.desist.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Set;

/** Documents the body of PATCH /participants/{id}: a merge patch of identity fields, each optional. */
@Schema(name = "IdentityPatch", description = "Merge patch: send only the fields to change; null clears pncId or nhsNumber")
public record IdentityPatch(
        @Schema(example = "Daniel") String givenName,
        @Schema(example = "Hale") String familyName,
        @Schema(example = "1987-03-14") LocalDate dateOfBirth,
        @Schema(example = "2019/0012345A", nullable = true) String pncId,
        @Schema(example = "943 476 5919", nullable = true) String nhsNumber) {
    static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "dateOfBirth", "pncId", "nhsNumber");
}
