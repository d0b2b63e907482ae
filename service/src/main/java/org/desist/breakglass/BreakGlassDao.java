package org.desist.breakglass;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(BreakGlassGrant.class)
interface BreakGlassDao {
    String SELECT = "SELECT g.id, g.username, g.participant_id, p.case_ref AS case_reference, g.site_code,"
            + " g.reason, g.opened_at, g.expires_at, CASE WHEN g.expires_at > :now THEN 1 ELSE 0 END AS running"
            + " FROM break_glass_grant g JOIN participant p ON p.id = g.participant_id";

    @SqlUpdate("INSERT INTO break_glass_grant (id, username, participant_id, site_code, reason, opened_at, expires_at)"
            + " VALUES (:id, :username, :participantId, :siteCode, :reason, :openedAt, :expiresAt)")
    void insert(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("participantId") String participantId,
            @Bind("siteCode") String siteCode,
            @Bind("reason") String reason,
            @Bind("openedAt") Instant openedAt,
            @Bind("expiresAt") Instant expiresAt);

    @SqlQuery(SELECT + " WHERE g.id = :id")
    BreakGlassGrant find(@Bind("id") String id, @Bind("now") Instant now);

    /** A live case by its reference: its id and site. */
    @SqlQuery("SELECT id, site_code FROM participant WHERE case_ref = :ref AND merged_into IS NULL"
            + " AND id NOT IN (SELECT participant_id FROM disposed_case)")
    @RegisterConstructorMapper(Case.class)
    java.util.Optional<Case> liveCase(@Bind("ref") String caseReference);

    record Case(String id, String siteCode) {}

    /** The account's own grants, newest first. */
    @SqlQuery(SELECT + " WHERE g.username = :username AND (:from IS NULL OR g.opened_at >= :from)"
            + " AND (:before IS NULL OR g.opened_at < :before) ORDER BY g.opened_at DESC, g.id"
            + " LIMIT :limit OFFSET :offset")
    List<BreakGlassGrant> of(
            @Bind("username") String username,
            @Bind("now") Instant now,
            @Bind("from") Instant from,
            @Bind("before") Instant before,
            @Bind("limit") int limit,
            @Bind("offset") long offset);
}
