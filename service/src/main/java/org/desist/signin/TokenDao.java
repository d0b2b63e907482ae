package org.desist.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface TokenDao {

    /** A new token counts as used when issued, from the address that asked for it. */
    @SqlUpdate("INSERT INTO api_token (id, username, token_hash, created_at, expires_at, two_factor, created_from,"
            + " last_used_at, last_used_from)"
            + " VALUES (:id, :username, :hash, :createdAt, :expiresAt, :twoFactors, :address, :createdAt, :address)")
    void insert(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("hash") String hash,
            @Bind("createdAt") Instant createdAt,
            @Bind("expiresAt") Instant expiresAt,
            @Bind("twoFactors") boolean twoFactors,
            @Bind("address") String address);

    /** A live token: its id, owner, whether it was issued against two factors, and when it was last used. */
    record Owner(String id, String username, boolean twoFactors, Instant lastUsedAt) {}

    /** Live: not revoked, not expired, used since {@code idleSince}, and its account not disabled. */
    @SqlQuery("SELECT t.id, t.username, t.two_factor AS two_factors, t.last_used_at FROM api_token t"
            + " JOIN app_user u ON u.username = t.username WHERE t.token_hash = :hash AND t.revoked_at IS NULL"
            + " AND t.expires_at > :now AND t.last_used_at > :idleSince AND u.disabled = 0")
    @RegisterConstructorMapper(Owner.class)
    Optional<Owner> activeOwner(
            @Bind("hash") String hash, @Bind("now") Instant now, @Bind("idleSince") Instant idleSince);

    /**
     * Moves the idle clock if it was last moved before {@code touchedBefore}: instances touching the same token
     * in the same minute write it once.
     */
    @SqlUpdate("UPDATE api_token SET last_used_at = :now, last_used_from = :address WHERE id = :id"
            + " AND last_used_at < :touchedBefore")
    int touch(
            @Bind("id") String id,
            @Bind("now") Instant now,
            @Bind("touchedBefore") Instant touchedBefore,
            @Bind("address") String address);

    /** The account's live tokens, newest first (as {@link #activeOwner} decides liveness, account aside). */
    @SqlQuery("SELECT id FROM api_token WHERE username = :username AND revoked_at IS NULL AND expires_at > :now"
            + " AND last_used_at > :idleSince ORDER BY created_at DESC, id DESC")
    List<String> liveNewestFirst(
            @Bind("username") String username, @Bind("now") Instant now, @Bind("idleSince") Instant idleSince);

    /** A token whatever its state, by its hash: why it was refused. */
    record Refused(String id, String username, Instant revokedAt, Instant expiresAt, Instant lastUsedAt) {}

    @SqlQuery("SELECT id, username, revoked_at, expires_at, last_used_at FROM api_token WHERE token_hash = :hash")
    @RegisterConstructorMapper(Refused.class)
    Optional<Refused> anyByHash(@Bind("hash") String hash);

    @SqlQuery("SELECT username FROM api_token WHERE id = :id")
    Optional<String> owner(@Bind("id") String id);

    @SqlUpdate("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") String id, @Bind("at") Instant at);

    @SqlUpdate("UPDATE api_token SET revoked_at = :at WHERE username = :username AND revoked_at IS NULL")
    int revokeAllOf(@Bind("username") String username, @Bind("at") Instant at);
}
