package org.desist.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * An account's live browser sessions and bearer tokens, read and ended by their public ids. Live means what
 * signing a request in checks ({@link org.desist.web.BrowserSessions}, {@link org.desist.signin.TokenAuthenticator}):
 * a session at its account's credential version, neither idle nor too old; a token neither revoked, expired
 * nor idle; and the account enabled.
 */
public interface SessionListDao {

    @SqlQuery("""
            SELECT s.public_id AS id, 'browser' AS kind, s.started_at AS created_at, s.last_seen_at AS last_used_at,
                   s.started_from, s.last_seen_from AS last_used_from,
                   CASE WHEN s.public_id = :inUse THEN 1 ELSE 0 END AS in_use, s.two_factor AS two_factors
            FROM browser_session s JOIN app_user u ON u.username = s.username
            WHERE s.username = :username AND u.disabled = 0 AND s.credential_version = u.credential_version
              AND s.last_seen_at > :browserIdleSince AND s.started_at > :browserStartedSince
            UNION ALL
            SELECT t.id, 'token', t.created_at, t.last_used_at, t.created_from, t.last_used_from,
                   CASE WHEN t.id = :inUse THEN 1 ELSE 0 END, t.two_factor
            FROM api_token t JOIN app_user u ON u.username = t.username
            WHERE t.username = :username AND u.disabled = 0 AND t.revoked_at IS NULL AND t.expires_at > :now
              AND t.last_used_at > :tokenIdleSince
            ORDER BY created_at DESC, id
            LIMIT :limit OFFSET :offset""")
    @RegisterConstructorMapper(SessionSummary.class)
    List<SessionSummary> live(
            @Bind("username") String username,
            @Bind("inUse") String inUse,
            @Bind("now") Instant now,
            @Bind("browserIdleSince") Instant browserIdleSince,
            @Bind("browserStartedSince") Instant browserStartedSince,
            @Bind("tokenIdleSince") Instant tokenIdleSince,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    /** Whose browser session or token the public id names, if either exists. */
    @SqlQuery("SELECT username FROM browser_session WHERE public_id = :id"
            + " UNION ALL SELECT username FROM api_token WHERE id = :id LIMIT 1")
    Optional<String> owner(@Bind("id") String id);

    @SqlUpdate("DELETE FROM browser_session WHERE public_id = :id AND username = :username")
    int endBrowserSession(@Bind("id") String id, @Bind("username") String username);

    @SqlUpdate("UPDATE api_token SET revoked_at = :at WHERE id = :id AND username = :username AND revoked_at IS NULL")
    int revokeToken(@Bind("id") String id, @Bind("username") String username, @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM browser_session WHERE username = :username")
    int endBrowserSessionsOf(@Bind("username") String username);
}
