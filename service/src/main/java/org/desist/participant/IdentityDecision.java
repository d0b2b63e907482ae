package org.desist.participant;

import java.time.Instant;

/**
 * A decision about who a participant is, with the reason given: {@code confirmed_new_person} (a referrer took
 * them in as a new person despite a namesake) or {@code merged} (another record of them was merged into this one).
 */
public record IdentityDecision(String decision, Instant decidedAt, String decidedBy, String reason) {}
