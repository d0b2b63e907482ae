package org.desist.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.desist.risk.RiskRatings;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The assessment table. The lists arrive and leave as JSON text; {@link Assessments} converts them. */
@RegisterConstructorMapper(AssessmentRow.class)
public interface AssessmentDao {
    String COLUMNS = "id, participant_id, kind, assessed_on, assessor, instrument, risk_violence, risk_persistence,"
            + " risk_recurrence, risk_psychosocial_damage, overall_risk, stalker_type, relationship, diagnoses,"
            + " substance_misuse, formulation, status, error_reason, version, recorded_at, recorded_by, amended_at,"
            + " amended_by";

    @SqlUpdate("INSERT INTO assessment (id, participant_id, kind, assessed_on, assessor, instrument, risk_violence,"
            + " risk_persistence, risk_recurrence, risk_psychosocial_damage, overall_risk, stalker_type, relationship,"
            + " diagnoses, substance_misuse, formulation, status, version, recorded_at, recorded_by)"
            + " VALUES (:id, :participantId, :b.kind, :b.assessedOn, :b.assessor, :b.instrument, :r.violence,"
            + " :r.persistence, :r.recurrence, :r.psychosocialDamage, :b.overallRisk, :b.stalkerType, :b.relationship,"
            + " :diagnoses, :substanceMisuse, :b.formulation, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewAssessment body,
            @BindMethods("r") RiskRatings ratings,
            @Bind("diagnoses") String diagnoses,
            @Bind("substanceMisuse") String substanceMisuse,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE assessment SET kind = :b.kind, assessed_on = :b.assessedOn, assessor = :b.assessor,"
            + " instrument = :b.instrument, risk_violence = :r.violence, risk_persistence = :r.persistence,"
            + " risk_recurrence = :r.recurrence, risk_psychosocial_damage = :r.psychosocialDamage,"
            + " overall_risk = :b.overallRisk, stalker_type = :b.stalkerType, relationship = :b.relationship,"
            + " diagnoses = :diagnoses, substance_misuse = :substanceMisuse, formulation = :b.formulation,"
            + " version = version + 1, amended_at = :at, amended_by = :by WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewAssessment body,
            @BindMethods("r") RiskRatings ratings,
            @Bind("diagnoses") String diagnoses,
            @Bind("substanceMisuse") String substanceMisuse,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM assessment WHERE participant_id = :participantId AND id = :id")
    Optional<AssessmentRow> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM assessment WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR assessed_on >= :from) AND (:to IS NULL OR assessed_on <= :to)"
            + " ORDER BY assessed_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<AssessmentRow> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
