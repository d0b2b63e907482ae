package org.desist.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.basic.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.desist.auth.LogSafe;
import org.desist.auth.User;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a username and password against the stored Argon2id hash. Argon2 is slow by design, so a password
 * verified once is remembered with the account's credential version; every request still reads the account
 * (one primary-key read), and a moved version, a disabled account or another password means a full check.
 * A change made on any instance therefore holds on every instance at the next request. What is remembered is
 * an HMAC of the password under a key that lives only in this process, never the password.
 */
public class PasswordAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordAuthenticator.class);

    private record Verified(long credentialVersion, byte[] passwordMac, User user) {}

    private final Jdbi jdbi;
    private final SecretKeySpec key;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    public PasswordAuthenticator(Jdbi jdbi) {
        this.jdbi = jdbi;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The account behind a username, read afresh: the one read every password-signed request makes. */
    public Optional<Credentials.Account> account(String username) {
        return jdbi.withExtension(Credentials.class, accounts -> accounts.account(username));
    }

    /** The user, if this very password was verified at the account's current credential version. No Argon2. */
    public Optional<User> remembered(BasicCredentials credentials, Optional<Credentials.Account> account) {
        if (account.isEmpty() || account.get().disabled()) {
            return Optional.empty();
        }
        Verified known = verified.getIfPresent(credentials.getUsername());
        if (known == null
                || known.credentialVersion() != account.get().credentialVersion()
                || !MessageDigest.isEqual(known.passwordMac(), mac(credentials.getPassword()))) {
            return Optional.empty();
        }
        return Optional.of(known.user());
    }

    /**
     * The full check: Argon2 against the stored hash, or against a dummy hash for an unknown name, at the same
     * cost. A disabled account fails like a wrong password. Success fetches roles and sites and is remembered.
     */
    public Optional<User> verify(BasicCredentials credentials, Optional<Credentials.Account> account) {
        if (!matches(credentials.getPassword(), account) || account.get().disabled()) {
            return Optional.empty();
        }
        User user = jdbi.withExtension(Credentials.class, accounts -> accounts.user(credentials.getUsername()));
        verified.put(
                credentials.getUsername(),
                new Verified(account.get().credentialVersion(), mac(credentials.getPassword()), user));
        LOG.info("Login succeeded for user '{}'", LogSafe.text(credentials.getUsername()));
        return Optional.of(user);
    }

    /** Argon2 against the account's hash, whatever is remembered: for decisions that must not trust memory. */
    public static boolean matches(String password, Optional<Credentials.Account> account) {
        return account.isPresent()
                ? Passwords.matches(password, account.get().passwordHash())
                : Passwords.matchesNothing(password);
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal((password == null ? "" : password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
