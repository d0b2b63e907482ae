package org.desist.riskplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plan actions; {@code today} (the programme's date) decides which open actions are overdue. */
@RegisterConstructorMapper(PlanAction.class)
public interface PlanActionDao {
    String COLUMNS = "id, participant_id, action, agency, owner, due_on, review_on, state, closed_on, close_reason,"
            + " closed_by, (status = 'active' AND state = 'open' AND due_on < :today) AS overdue, status,"
            + " error_reason, version, recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO plan_action (id, participant_id, action, agency, owner, due_on, review_on, state, status,"
            + " version, recorded_at, recorded_by) VALUES (:id, :participantId, :b.action, :b.agency, :b.owner,"
            + " :b.dueOn, :b.reviewOn, 'open', 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewPlanAction body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    @SqlUpdate("UPDATE plan_action SET action = :b.action, agency = :b.agency, owner = :b.owner, due_on = :b.dueOn,"
            + " review_on = :b.reviewOn, version = version + 1, amended_at = :at, amended_by = :by"
            + " WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewPlanAction body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** Closes the action only if it is still open at the version the caller checked; returns rows changed. */
    @SqlUpdate("UPDATE plan_action SET state = :to, closed_on = :on, close_reason = :reason, closed_by = :by,"
            + " version = version + 1 WHERE id = :id AND version = :version AND state = 'open'")
    int close(
            @Bind("id") String id,
            @Bind("version") int version,
            @Bind("to") PlanActionState to,
            @Bind("on") LocalDate on,
            @Bind("reason") String reason,
            @Bind("by") String by);

    @SqlQuery("SELECT " + COLUMNS + " FROM plan_action WHERE participant_id = :participantId AND id = :id")
    Optional<PlanAction> find(
            @Bind("participantId") String participantId, @Bind("id") String id, @Bind("today") LocalDate today);

    @SqlQuery("SELECT " + COLUMNS + " FROM plan_action WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR due_on >= :from) AND (:to IS NULL OR due_on <= :to)"
            + " ORDER BY due_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<PlanAction> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset,
            @Bind("today") LocalDate today);
}
