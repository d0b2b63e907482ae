package org.desist.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Session.class)
public interface SessionDao {
    String COLUMNS = "id, participant_id, kind, scheduled_at, duration_minutes, facilitator, outcome, engagement,"
            + " notes, shareable, concern, outcome_recorded_at, outcome_recorded_by, status, error_reason, version,"
            + " recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO session (id, participant_id, kind, scheduled_at, duration_minutes, facilitator, status,"
            + " version, recorded_at, recorded_by) VALUES (:id, :participantId, :b.kind, :b.scheduledAt,"
            + " :b.durationMinutes, :b.facilitator, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") SessionBody body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** An amendment: the schedule, and the outcome fields as they are (never when or by whom it was recorded). */
    @SqlUpdate(
            "UPDATE session SET kind = :b.kind, scheduled_at = :b.scheduledAt, duration_minutes = :b.durationMinutes,"
                    + " facilitator = :b.facilitator, outcome = :b.outcome, engagement = :b.engagement, notes = :b.notes,"
                    + " shareable = :b.shareable, concern = :b.concern, version = version + 1, amended_at = :at,"
                    + " amended_by = :by WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") SessionBody body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** The outcome, recorded once: only while there is none. */
    @SqlUpdate("UPDATE session SET outcome = :o.outcome, engagement = :o.engagement, notes = :o.notes,"
            + " shareable = :shareable, concern = :o.concern, outcome_recorded_at = :at, outcome_recorded_by = :by,"
            + " version = version + 1 WHERE id = :id AND version = :version AND outcome IS NULL")
    int recordOutcome(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("o") NewOutcome outcome,
            @Bind("shareable") boolean shareable,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM session WHERE participant_id = :participantId AND id = :id")
    Optional<Session> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM session WHERE id = :id")
    Optional<Session> byId(@Bind("id") String id);

    /** Newest first by scheduled time; {@code from} inclusive, {@code before} exclusive, either may be null. */
    @SqlQuery("SELECT " + COLUMNS + " FROM session WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR scheduled_at >= :from) AND (:before IS NULL OR scheduled_at < :before)"
            + " ORDER BY scheduled_at DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<Session> list(
            @Bind("participantId") String participantId,
            @Bind("from") Instant from,
            @Bind("before") Instant before,
            @Bind("limit") int limit,
            @Bind("offset") int offset);
}
