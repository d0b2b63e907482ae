package org.desist.restriction;

import java.time.Instant;

/** A restriction of processing of one case: why, since when and by whom; when lifted, when and by whom. */
public record Restriction(
        String id,
        String participantId,
        String purpose,
        Instant restrictedAt,
        String restrictedBy,
        Instant liftedAt,
        String liftedBy) {}
