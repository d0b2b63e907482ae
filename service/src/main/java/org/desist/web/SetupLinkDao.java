package org.desist.web;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface SetupLinkDao {

    @SqlQuery("SELECT COUNT(*) FROM app_user")
    long accounts();

    @SqlUpdate("INSERT INTO setup_link (token_hash, created_at, expires_at) VALUES (:hash, :now, :expires)")
    void insert(@Bind("hash") String hash, @Bind("now") Instant now, @Bind("expires") Instant expires);

    @SqlQuery("SELECT COUNT(*) FROM setup_link WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now"
            + " AND NOT EXISTS (SELECT 1 FROM app_user)")
    long usable(@Bind("hash") String hash, @Bind("now") Instant now);

    /** Spends the link: 1 for the one use that wins, 0 for every other (spent, expired, or accounts exist). */
    @SqlUpdate("UPDATE setup_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL"
            + " AND expires_at > :now AND NOT EXISTS (SELECT 1 FROM app_user)")
    int spend(@Bind("hash") String hash, @Bind("now") Instant now);

    @SqlUpdate("UPDATE setup_link SET used_at = NULL WHERE token_hash = :hash")
    void release(@Bind("hash") String hash);
}
