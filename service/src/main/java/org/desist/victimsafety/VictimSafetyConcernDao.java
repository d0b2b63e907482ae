package org.desist.victimsafety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(VictimSafetyConcern.class)
public interface VictimSafetyConcernDao {
    String COLUMNS = "id, participant_id, victim_ref, raised_on, concern, action_taken, status, error_reason, version,"
            + " recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO victim_safety_concern (id, participant_id, victim_ref, raised_on, concern, action_taken,"
            + " status, version, recorded_at, recorded_by) VALUES (:id, :participantId, :b.victimRef, :b.raisedOn,"
            + " :b.concern, :b.actionTaken, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewVictimSafetyConcern body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE victim_safety_concern SET victim_ref = :b.victimRef, raised_on = :b.raisedOn,"
            + " concern = :b.concern, action_taken = :b.actionTaken, version = version + 1, amended_at = :at,"
            + " amended_by = :by WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewVictimSafetyConcern body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM victim_safety_concern WHERE participant_id = :participantId AND id = :id")
    Optional<VictimSafetyConcern> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM victim_safety_concern WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR raised_on >= :from) AND (:to IS NULL OR raised_on <= :to)"
            + " ORDER BY raised_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<VictimSafetyConcern> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT participant_id FROM victim_safety_concern WHERE id = :id")
    String participantOf(@Bind("id") String id);

    /** The victims of the case, by the references its referrals carry, in the order they were referred. */
    @SqlQuery("SELECT victim_ref FROM referral WHERE participant_id = :participantId"
            + " GROUP BY victim_ref ORDER BY min(received_on), min(created_at)")
    List<String> victimRefs(@Bind("participantId") String participantId);
}
