package org.desist.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Incident.class)
public interface IncidentDao {
    String COLUMNS = "id, participant_id, kind, occurred_on, source, details, status, error_reason, version,"
            + " recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO incident (id, participant_id, kind, occurred_on, source, details, status, version,"
            + " recorded_at, recorded_by) VALUES (:id, :participantId, :b.kind, :b.occurredOn, :b.source, :b.details,"
            + " 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewIncident body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE incident SET kind = :b.kind, occurred_on = :b.occurredOn, source = :b.source,"
            + " details = :b.details, version = version + 1, amended_at = :at, amended_by = :by"
            + " WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewIncident body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM incident WHERE participant_id = :participantId AND id = :id")
    Optional<Incident> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM incident WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR occurred_on >= :from) AND (:to IS NULL OR occurred_on <= :to)"
            + " ORDER BY occurred_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<Incident> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
