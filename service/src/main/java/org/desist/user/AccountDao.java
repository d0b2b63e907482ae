package org.desist.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.desist.auth.Role;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface AccountDao {

    record Row(String username, boolean disabled, Instant createdAt) {
    }

    @SqlUpdate("INSERT INTO app_user (username, password_hash, disabled, created_at, updated_at)"
            + " VALUES (:username, :hash, 0, :at, :at)")
    void insert(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO user_role (username, role) VALUES (:username, :role)")
    void grant(@Bind("username") String username, @Bind("role") Role role);

    @SqlUpdate("INSERT INTO user_site (username, site_code) VALUES (:username, :site)")
    void bind(@Bind("username") String username, @Bind("site") String siteCode);

    @SqlQuery("SELECT username, disabled, created_at FROM app_user WHERE username = :username")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("username") String username);

    @SqlQuery("SELECT username, disabled, created_at FROM app_user ORDER BY username LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(Row.class)
    List<Row> list(@Bind("limit") int limit, @Bind("offset") int offset);

    @SqlQuery("SELECT role FROM user_role WHERE username = :username ORDER BY role")
    List<Role> roles(@Bind("username") String username);

    @SqlQuery("SELECT site_code FROM user_site WHERE username = :username ORDER BY site_code")
    List<String> sites(@Bind("username") String username);

    // Each change to credentials or rights moves credential_version: every instance's sign-in sees it at once.
    @SqlUpdate("UPDATE app_user SET disabled = 1, credential_version = credential_version + 1, updated_at = :at"
            + " WHERE username = :username")
    int disable(@Bind("username") String username, @Bind("at") Instant at);

    @SqlUpdate("UPDATE app_user SET password_hash = :hash, credential_version = credential_version + 1,"
            + " updated_at = :at WHERE username = :username")
    int setPassword(@Bind("username") String username, @Bind("hash") String passwordHash, @Bind("at") Instant at);
}
