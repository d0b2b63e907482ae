package org.desist.identityprovider;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The account a subject of the configured provider signs in as, if an administrator linked one. */
final class LinkedAccounts {
    private final Jdbi jdbi;
    private final Optional<String> issuer;

    LinkedAccounts(Jdbi jdbi, IdentityProviderSettings settings) {
        this.jdbi = jdbi;
        this.issuer = settings.configured() ? Optional.of(settings.getIssuer()) : Optional.empty();
    }

    Optional<String> issuer() {
        return issuer;
    }

    Optional<String> of(String subject) {
        return issuer.flatMap(of -> jdbi.withExtension(IdentityLinkDao.class, links -> links.accountOf(of, subject)));
    }
}
