package org.desist.participant;

import java.time.LocalDate;

/** An identity in the forms it is compared in ({@link MatchKey}); the date of birth is compared as it is. */
public record IdentityKeys(String givenKey, String familyKey, LocalDate dateOfBirth, String nhsKey, String pncKey) {

    public static IdentityKeys of(Identity identity) {
        return new IdentityKeys(
                MatchKey.name(identity.givenName()),
                MatchKey.name(identity.familyName()),
                identity.dateOfBirth(),
                MatchKey.nhs(identity.nhsNumber()),
                MatchKey.pnc(identity.pncId()));
    }
}
