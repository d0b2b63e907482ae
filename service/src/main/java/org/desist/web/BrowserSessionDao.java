package org.desist.web;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface BrowserSessionDao {

    @SqlUpdate("INSERT INTO browser_session (id_hash, public_id, username, credential_version, csrf_token,"
            + " started_at, last_seen_at, two_factor, started_from, last_seen_from) SELECT :idHash, :publicId,"
            + " username, credential_version, :csrfToken, :now, :now, :twoFactors, :address, :address FROM app_user"
            + " WHERE username = :username AND disabled = 0")
    int insert(
            @Bind("idHash") String idHash,
            @Bind("publicId") String publicId,
            @Bind("username") String username,
            @Bind("csrfToken") String csrfToken,
            @Bind("now") Instant now,
            @Bind("twoFactors") boolean twoFactors,
            @Bind("address") String address);

    @SqlQuery("SELECT id_hash, public_id, username, credential_version, csrf_token, started_at, last_seen_at,"
            + " two_factor AS two_factors FROM browser_session WHERE id_hash = :idHash")
    @RegisterConstructorMapper(BrowserSession.class)
    Optional<BrowserSession> find(@Bind("idHash") String idHash);

    /** Conditional, so two instances touching at once write once. */
    @SqlUpdate("UPDATE browser_session SET last_seen_at = :now, last_seen_from = :address WHERE id_hash = :idHash"
            + " AND last_seen_at < :now")
    int touch(@Bind("idHash") String idHash, @Bind("now") Instant now, @Bind("address") String address);

    @SqlUpdate("DELETE FROM browser_session WHERE id_hash = :idHash")
    int delete(@Bind("idHash") String idHash);

    /** Sessions past their idle or absolute end: nobody can use them, so their rows go. */
    @SqlUpdate("DELETE FROM browser_session WHERE last_seen_at < :idleSince OR started_at < :startedSince")
    int deleteEnded(@Bind("idleSince") Instant idleSince, @Bind("startedSince") Instant startedSince);
}
