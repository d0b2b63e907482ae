package org.desist.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.auth.User;
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
    record Account(String username, String passwordHash, long credentialVersion, boolean disabled) {}

    /** One primary-key read, made on every request signed with a password. */
    @SqlQuery("SELECT username, password_hash, credential_version, disabled FROM app_user WHERE username = :username")
    @RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("username") String username);

    /**
     * Holds the account's row (a write lock on PostgreSQL, the write transaction on SQLite) if it is still at
     * {@code version} and enabled: 1, or 0 when it changed since the password was checked. A change waits for
     * the holder's commit, and then sees what the holder wrote.
     */
    @SqlUpdate("UPDATE app_user SET credential_version = credential_version"
            + " WHERE username = :username AND credential_version = :version AND disabled = 0")
    int holdAtVersion(@Bind("username") String username, @Bind("version") long version);

    /** One fact about an account's rights: a role, a site, or the expiry of its temporary password. */
    record Grant(String kind, String value) {}

    /**
     * Roles, sites and any temporary password's expiry in one round trip: read on every request signed with a
     * token, and whenever a password is verified. A temporary password without an expiry reads as expired.
     */
    @SqlQuery("SELECT 'role' AS kind, role AS value FROM user_role WHERE username = :username"
            + " UNION ALL SELECT 'site', site_code FROM user_site WHERE username = :username"
            + " UNION ALL SELECT 'temporary', COALESCE(password_expires_at, '1970-01-01T00:00:00Z') FROM app_user"
            + " WHERE username = :username AND must_change_password = 1")
    @RegisterConstructorMapper(Grant.class)
    List<Grant> grants(@Bind("username") String username);

    default User user(String username) {
        Set<Role> roles = new java.util.HashSet<>();
        Set<String> sites = new java.util.HashSet<>();
        Instant temporaryUntil = null;
        for (Grant grant : grants(username)) {
            switch (grant.kind()) {
                case "role" -> roles.add(Role.valueOf(grant.value()));
                case "site" -> sites.add(grant.value());
                default -> temporaryUntil = Instant.parse(grant.value());
            }
        }
        return new User(username, roles, sites, temporaryUntil);
    }
}
