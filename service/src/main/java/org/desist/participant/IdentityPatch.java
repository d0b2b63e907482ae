package org.desist.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Set;

/** Documents the body of PATCH /participants/{id}: a merge patch of identity fields, each optional. */
@Schema(name = "IdentityPatch", description = "Merge patch: send only the fields to change; null clears pncId or nhsNumber")
public record IdentityPatch(String givenName, String familyName, LocalDate dateOfBirth, String pncId, String nhsNumber) {
    static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "dateOfBirth", "pncId", "nhsNumber");
}
