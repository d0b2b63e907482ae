package org.desist.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks a username and password against the stored Argon2id hash. Slow by design; cached in front. */
public class PasswordAuthenticator implements Authenticator<BasicCredentials, User> {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticator.class);
    private final Jdbi jdbi;

    public PasswordAuthenticator(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) {
        return jdbi.withExtension(Credentials.class, accounts -> {
            Optional<Credentials.Account> account = accounts.account(credentials.getUsername());
            boolean valid = account.isPresent()
                    ? Passwords.matches(credentials.getPassword(), account.get().passwordHash())
                    : Passwords.matchesNothing(credentials.getPassword());
            if (!valid || account.get().disabled()) {
                return Optional.empty();
            }
            LOG.info("Login succeeded for user '{}'", LogSafe.text(credentials.getUsername()));
            return Optional.of(accounts.user(credentials.getUsername()));
        });
    }
}
