package org.desist.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads what authentication needs: the account, its hash, roles and sites. */
public interface Credentials {

    /**
     * The account as a sign-in needs it. {@code credentialVersion} moves with every change to the password,
     * the disabled flag, roles or sites, so a login verified at the current version is still good.
     */
    record Account(String username, String passwordHash, long credentialVersion, boolean disabled) {
    }

    /** One primary-key read, made on every request signed with a password. */
    @SqlQuery("SELECT username, password_hash, credential_version, disabled FROM app_user WHERE username = :username")
    @RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_role WHERE username = :username")
    List<Role> roles(@Bind("username") String username);

    @SqlQuery("SELECT site_code FROM user_site WHERE username = :username")
    List<String> sites(@Bind("username") String username);

    /** Empty unless the password is temporary; then its expiry (a missing one reads as expired). */
    @SqlQuery("SELECT password_expires_at FROM app_user WHERE username = :username AND must_change_password = 1")
    List<Instant> temporaryPasswordUntil(@Bind("username") String username);

    /**
     * Holds the account's row (a write lock on PostgreSQL, the write transaction on SQLite) if it is still at
     * {@code version} and enabled: 1, or 0 when it changed since the password was checked. A change waits for
     * the holder's commit, and then sees what the holder wrote.
     */
    @SqlUpdate("UPDATE app_user SET credential_version = credential_version"
            + " WHERE username = :username AND credential_version = :version AND disabled = 0")
    int holdAtVersion(@Bind("username") String username, @Bind("version") long version);

    default User user(String username) {
        List<Instant> temporary = temporaryPasswordUntil(username);
        Instant temporaryUntil = temporary.isEmpty() ? null : temporary.get(0) == null ? Instant.EPOCH : temporary.get(0);
        return new User(username, Set.copyOf(roles(username)), sites(username).stream().collect(Collectors.toSet()),
                temporaryUntil);
    }
}
