package org.desist.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.desist.auth.Role;
import org.desist.auth.SiteBindings;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface AccountDao {
    record Row(String username, boolean disabled, boolean mustChangePassword, Instant createdAt, String email) {}

    @SqlUpdate("INSERT INTO app_user (username, password_hash, disabled, created_at, updated_at)"
            + " VALUES (:username, :hash, 0, :at, :at)")
    void insert(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO user_role (username, role) VALUES (:username, :role)")
    void grant(@Bind("username") String username, @Bind("role") Role role);

    @SqlUpdate("INSERT INTO user_site (username, site_code) VALUES (:username, :site)")
    void bind(@Bind("username") String username, @Bind("site") String siteCode);

    @SqlUpdate("DELETE FROM user_role WHERE username = :username")
    void revokeRoles(@Bind("username") String username);

    @SqlUpdate("DELETE FROM user_site WHERE username = :username")
    void unbindSites(@Bind("username") String username);

    @SqlQuery(
            "SELECT username, disabled, must_change_password, created_at, email FROM app_user WHERE username = :username")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("username") String username);

    @SqlQuery("SELECT u.username, u.disabled, u.must_change_password, u.created_at, u.email FROM app_user u"
            + " WHERE (:allSites = 1 OR " + SiteBindings.ACCOUNT_WITHIN_SITES
            + ") ORDER BY u.username LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(Row.class)
    List<Row> list(
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT role FROM user_role WHERE username = :username ORDER BY role")
    List<Role> roles(@Bind("username") String username);

    @SqlQuery("SELECT site_code FROM user_site WHERE username = :username ORDER BY site_code")
    List<String> sites(@Bind("username") String username);

    @SqlQuery("SELECT password_hash FROM app_user WHERE username = :username")
    Optional<String> passwordHash(@Bind("username") String username);

    /**
     * The first statement of every change to an account: every instance compares the version on each request,
     * so what they cached of the account stops counting; on PostgreSQL it also takes the row's lock, so changes
     * to one account queue. 0 when there is no such account.
     */
    @SqlUpdate(
            "UPDATE app_user SET credential_version = credential_version + 1, updated_at = :at WHERE username = :username")
    int moveCredentialVersion(@Bind("username") String username, @Bind("at") Instant at);

    /** Where its alerts are emailed; null for nowhere. */
    @SqlUpdate("UPDATE app_user SET email = :email WHERE username = :username")
    void setEmail(@Bind("username") String username, @Bind("email") String email);

    @SqlUpdate("UPDATE app_user SET disabled = :disabled WHERE username = :username")
    void setDisabled(@Bind("username") String username, @Bind("disabled") boolean disabled);

    /** A password set by an administrator: it must be changed at the next sign-in and stops working at {@code until}. */
    @SqlUpdate("UPDATE app_user SET password_hash = :hash, must_change_password = 1, password_expires_at = :until"
            + " WHERE username = :username")
    void setTemporaryPassword(
            @Bind("username") String username, @Bind("hash") String passwordHash, @Bind("until") Instant until);

    /** The owner's own password, if the hash is still {@code previous} (nobody changed it meanwhile): rows changed. */
    @SqlUpdate("UPDATE app_user SET password_hash = :hash, must_change_password = 0, password_expires_at = NULL"
            + " WHERE username = :username AND password_hash = :previous")
    int setOwnPassword(
            @Bind("username") String username, @Bind("hash") String passwordHash, @Bind("previous") String previous);
}
