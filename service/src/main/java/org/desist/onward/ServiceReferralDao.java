package org.desist.onward;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ServiceReferralRow.class)
@RegisterConstructorMapper(ServiceReferralMove.class)
public interface ServiceReferralDao {
    String COLUMNS = "id, participant_id, service, kind, provider, made_on, reason, state, state_on, status,"
            + " error_reason, version, recorded_at, recorded_by, amended_at, amended_by";

    @SqlUpdate("INSERT INTO service_referral (id, participant_id, service, kind, provider, made_on, reason, state,"
            + " state_on, status, version, recorded_at, recorded_by) VALUES (:id, :participantId, :b.service,"
            + " :b.kind, :b.provider, :b.madeOn, :b.reason, 'made', :b.madeOn, 'active', 1, :at, :by)")
    void insert(
            @Bind("id") String id,
            @Bind("participantId") String participantId,
            @BindMethods("b") NewServiceReferral body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** An amendment; while the referral is still 'made', its state date follows the date it was made. */
    @SqlUpdate("UPDATE service_referral SET service = :b.service, kind = :b.kind, provider = :b.provider,"
            + " made_on = :b.madeOn, reason = :b.reason,"
            + " state_on = CASE WHEN state = 'made' THEN :b.madeOn ELSE state_on END,"
            + " version = version + 1, amended_at = :at, amended_by = :by WHERE id = :id AND version = :version")
    int update(
            @Bind("id") String id,
            @Bind("version") int version,
            @BindMethods("b") NewServiceReferral body,
            @Bind("at") Instant at,
            @Bind("by") String by);

    /** Moves the referral only from the version the caller checked; returns rows changed. */
    @SqlUpdate("UPDATE service_referral SET state = :to, state_on = :on, version = version + 1"
            + " WHERE id = :id AND version = :version")
    int move(
            @Bind("id") String id,
            @Bind("version") int version,
            @Bind("to") ServiceReferralState to,
            @Bind("on") LocalDate on);

    @SqlUpdate(
            "INSERT INTO service_referral_move (service_referral_id, seq, state, on_date, reason, actor, recorded_at)"
                    + " VALUES (:id, (SELECT coalesce(max(seq), 0) + 1 FROM service_referral_move"
                    + " WHERE service_referral_id = :id), :state, :on, :reason, :by, :at)")
    void recordMove(
            @Bind("id") String id,
            @Bind("state") ServiceReferralState state,
            @Bind("on") LocalDate on,
            @Bind("reason") String reason,
            @Bind("by") String by,
            @Bind("at") Instant at);

    /** The first move ('made') restates the referral itself, so it follows the referral's amendments. */
    @SqlUpdate("UPDATE service_referral_move SET on_date = :on, reason = :reason"
            + " WHERE service_referral_id = :id AND seq = 1")
    void restateMade(@Bind("id") String id, @Bind("on") LocalDate on, @Bind("reason") String reason);

    @SqlQuery("SELECT min(on_date) FROM service_referral_move WHERE service_referral_id = :id AND seq > 1")
    Optional<LocalDate> firstMoveAfterMade(@Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM service_referral WHERE participant_id = :participantId AND id = :id")
    Optional<ServiceReferralRow> find(@Bind("participantId") String participantId, @Bind("id") String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM service_referral WHERE participant_id = :participantId"
            + " AND (:from IS NULL OR made_on >= :from) AND (:to IS NULL OR made_on <= :to)"
            + " ORDER BY made_on DESC, recorded_at DESC LIMIT :limit OFFSET :offset")
    List<ServiceReferralRow> list(
            @Bind("participantId") String participantId,
            @Bind("from") LocalDate from,
            @Bind("to") LocalDate to,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT state, on_date AS \"on\", reason, actor AS \"by\", recorded_at FROM service_referral_move"
            + " WHERE service_referral_id = :id ORDER BY seq")
    List<ServiceReferralMove> history(@Bind("id") String id);

    @SqlQuery("SELECT service_referral_id, state, on_date AS \"on\", reason, actor AS \"by\", recorded_at"
            + " FROM service_referral_move WHERE service_referral_id IN (<ids>) ORDER BY service_referral_id, seq")
    @RegisterConstructorMapper(MoveOf.class)
    List<MoveOf> histories(@BindList("ids") List<String> ids);

    /** A history step tagged with its referral, for loading a page of histories in one query. */
    record MoveOf(
            String serviceReferralId,
            ServiceReferralState state,
            LocalDate on,
            String reason,
            String by,
            Instant recordedAt) {
        ServiceReferralMove move() {
            return new ServiceReferralMove(state, on, reason, by, recordedAt);
        }
    }
}
