package org.desist.signin;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface TokenDao {

    @SqlUpdate("INSERT INTO api_token (id, username, token_hash, created_at, expires_at, two_factor)"
            + " VALUES (:id, :username, :hash, :createdAt, :expiresAt, :twoFactors)")
    void insert(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("hash") String hash,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt,
            @Bind("twoFactors") boolean twoFactors);

    /** A live token's owner, and whether it was issued against two factors. */
    record Owner(String username, boolean twoFactors) {}

    @SqlQuery(
            "SELECT t.username, t.two_factor AS two_factors FROM api_token t JOIN app_user u ON u.username = t.username"
                    + " WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > :now AND u.disabled = 0")
    @RegisterConstructorMapper(Owner.class)
    Optional<Owner> activeOwner(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlQuery("SELECT username FROM api_token WHERE id = :id")
    Optional<String> owner(@Bind("id") String id);

    @SqlUpdate("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE api_token SET revoked_at = :at WHERE username = :username AND revoked_at IS NULL")
    int revokeAllOf(@Bind("username") String username, @Bind("at") Instant at);
}
