package org.desist.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Writes and reads of case_team allocations, and of the accounts that may take them. */
@RegisterConstructorMapper(Allocation.class)
public interface AllocationDao {
    String COLUMNS = "id, participant_id, username, team_role AS role, from_date AS \"from\", to_date AS \"to\","
            + " allocated_at, allocated_by, ended_at, ended_by";

    /** An account as an allocation needs it: whether it is enabled, its roles and the sites it is bound to. */
    record Account(String username, boolean disabled) {}

    @SqlQuery("SELECT username, disabled FROM app_user WHERE username = :username")
    @RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_role WHERE username = :username")
    List<String> roles(@Bind("username") String username);

    @SqlQuery("SELECT site_code FROM user_site WHERE username = :username")
    List<String> sites(@Bind("username") String username);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_team WHERE participant_id = :participantId"
            + " ORDER BY ended_at IS NOT NULL, team_role, from_date DESC, allocated_at DESC")
    List<Allocation> ofCase(@Bind("participantId") String participantId);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_team WHERE id = :id")
    Optional<Allocation> find(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM case_team WHERE participant_id = :participantId AND team_role = :role"
            + " AND ended_at IS NULL")
    Optional<Allocation> open(@Bind("participantId") String participantId, @Bind("role") TeamRole role);

    /** The account's open allocations on the cases of a site, in case order. */
    @SqlQuery("SELECT t.id, t.participant_id, t.username, t.team_role AS role, t.from_date AS \"from\","
            + " t.to_date AS \"to\", t.allocated_at, t.allocated_by, t.ended_at, t.ended_by"
            + " FROM case_team t JOIN participant p ON p.id = t.participant_id"
            + " WHERE t.username = :username AND p.site_code = :siteCode AND t.ended_at IS NULL"
            + " ORDER BY p.case_ref, t.team_role")
    List<Allocation> openAtSite(@Bind("username") String username, @Bind("siteCode") String siteCode);

    /** The site's accounts (who may take over parts there), by username. */
    @SqlQuery("SELECT u.username, u.disabled FROM app_user u JOIN user_site s ON s.username = u.username"
            + " WHERE s.site_code = :siteCode ORDER BY u.username")
    @RegisterConstructorMapper(Account.class)
    List<Account> accountsOfSite(@Bind("siteCode") String siteCode);

    /** Who holds an open allocation on a case of the site (someone who left the site may still). */
    @SqlQuery("SELECT DISTINCT t.username FROM case_team t JOIN participant p ON p.id = t.participant_id"
            + " WHERE p.site_code = :siteCode AND t.ended_at IS NULL ORDER BY t.username")
    List<String> holdersAtSite(@Bind("siteCode") String siteCode);

    @SqlUpdate("INSERT INTO case_team (id, participant_id, username, team_role, from_date, allocated_at,"
            + " allocated_by) VALUES (:id, :participantId, :username, :role, :from, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @Bind("username") String username,
            @Bind("role") TeamRole role,
            @Bind("from") LocalDate from,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** Ends an open allocation; 0 when it had ended meanwhile. */
    @SqlUpdate("UPDATE case_team SET to_date = :to, ended_at = :at, ended_by = :by, version = version + 1"
            + " WHERE id = :id AND ended_at IS NULL")
    int end(@Bind("id") String id, @Bind("to") LocalDate to, @Bind("at") Instant at, @Bind("by") String by);
}
