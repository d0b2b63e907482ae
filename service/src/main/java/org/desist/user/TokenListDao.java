package org.desist.user;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** An account's tokens that have not yet expired, revoked or not, newest first. Revoking is {@link org.desist.signin.TokenDao}'s. */
public interface TokenListDao {

    @SqlQuery("SELECT id, created_at, expires_at, revoked_at FROM api_token WHERE username = :username"
            + " AND expires_at > :now ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(TokenSummary.class)
    List<TokenSummary> unexpired(
            @Bind("username") String username,
            @Bind("now") Instant now,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
