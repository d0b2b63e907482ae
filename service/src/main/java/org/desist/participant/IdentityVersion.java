package org.desist.participant;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a participant's identity, as it was recorded. */
public record IdentityVersion(
        int version,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String pncId,
        String nhsNumber,
        Instant recordedAt,
        String recordedBy) {}
