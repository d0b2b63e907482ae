package org.desist.desistance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DesistanceReview.class)
public interface DesistanceReviewDao {
    String COLUMNS = "id, participant_id, reviewed_on, risk_violence, risk_persistence, risk_recurrence,"
            + " risk_psychosocial_damage, fixation, victim_contact_since_last_review, engagement, narrative, status,"
            + " error_reason, version, recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO desistance_review (id, participant_id, reviewed_on, risk_violence, risk_persistence,"
            + " risk_recurrence, risk_psychosocial_damage, fixation, victim_contact_since_last_review, engagement,"
            + " narrative, status, version, recorded_at, recorded_by) VALUES (:id, :participantId, :b.reviewedOn,"
            + " :b.riskRatings.violence, :b.riskRatings.persistence, :b.riskRatings.recurrence,"
            + " :b.riskRatings.psychosocialDamage, :b.fixation, :b.victimContactSinceLastReview, :b.engagement,"
            + " :b.narrative, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewDesistanceReview body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE desistance_review SET reviewed_on = :b.reviewedOn, risk_violence = :b.riskRatings.violence,"
            + " risk_persistence = :b.riskRatings.persistence, risk_recurrence = :b.riskRatings.recurrence,"
            + " risk_psychosocial_damage = :b.riskRatings.psychosocialDamage, fixation = :b.fixation,"
            + " victim_contact_since_last_review = :b.victimContactSinceLastReview, engagement = :b.engagement,"
            + " narrative = :b.narrative, version = version + 1, amended_at = :at, amended_by = :by"
            + " WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewDesistanceReview body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM desistance_review WHERE participant_id = :participantId AND id = :id")
    Optional<DesistanceReview> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM desistance_review WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR reviewed_on >= :from) AND (:to IS NULL OR reviewed_on <= :to)"
            + " ORDER BY reviewed_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<DesistanceReview> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
