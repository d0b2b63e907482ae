package org.desist.participant;

import java.util.Set;

/**
 * The body of PATCH /participants/{id}: a merge patch of {@link Identity}, checked as the identity it makes.
 * The description derives its schema (IdentityPatch) from Identity, so it publishes the same limits.
 */
final class IdentityPatch {
    static final Set<String> CHANGEABLE = Set.of("givenName", "familyName", "dateOfBirth", "pncId", "nhsNumber");

    private IdentityPatch() {}
}
