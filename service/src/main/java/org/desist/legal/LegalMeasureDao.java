package org.desist.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(LegalMeasure.class)
public interface LegalMeasureDao {
    String COLUMNS = "id, participant_id, kind, from_date, until_date, conditions, status, error_reason, version,"
            + " recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO legal_measure (id, participant_id, kind, from_date, until_date, conditions, status,"
            + " version, recorded_at, recorded_by)"
            + " VALUES (:id, :participantId, :b.kind, :b.from, :b.until, :b.conditions, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewLegalMeasure body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE legal_measure SET kind = :b.kind, from_date = :b.from, until_date = :b.until,"
            + " conditions = :b.conditions, version = version + 1, amended_at = :at, amended_by = :by"
            + " WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewLegalMeasure body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM legal_measure WHERE participant_id = :participantId AND id = :id")
    Optional<LegalMeasure> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM legal_measure WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR from_date >= :from) AND (:to IS NULL OR from_date <= :to)"
            + " ORDER BY from_date DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<LegalMeasure> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
