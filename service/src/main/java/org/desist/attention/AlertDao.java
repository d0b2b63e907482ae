package org.desist.attention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads of one recipient's alerts, and their acknowledgement. */
public interface AlertDao {
    String COLUMNS = "a.id, a.rule, a.participant_id, p.case_ref, a.site_code, a.record_type, a.record_id,"
            + " a.occurred_on, a.raised_at, r.told_as, r.acknowledged_at, r.acknowledgement, a.cleared_at,"
            + " a.cleared_because";
    /** A state for {@link #list}: open or acknowledged, anything not cleared (the case page's section). */
    String NOT_CLEARED = "not_cleared";

    String FROM = " FROM alert a JOIN alert_recipient r ON r.alert_id = a.id JOIN participant p ON p.id ="
            + " a.participant_id WHERE r.username = :username";

    /** As stored, before the read right on the record is applied. */
    record Row(
            String id,
            Rule rule,
            String participantId,
            String caseRef,
            String siteCode,
            String recordType,
            String recordId,
            java.time.LocalDate occurredOn,
            Instant raisedAt,
            String toldAs,
            Instant acknowledgedAt,
            String acknowledgement,
            Instant clearedAt,
            String clearedBecause) {}

    /** The recipient's alerts in one state, within their sites (and of one case when given), newest first. */
    @SqlQuery("SELECT " + COLUMNS + FROM
            + " AND (:allSites = 1 OR a.site_code IN (<sites>))"
            + " AND (:participantId IS NULL OR a.participant_id = :participantId)"
            + " AND (:from IS NULL OR a.raised_at >= :from) AND (:before IS NULL OR a.raised_at < :before)"
            + " AND ((:state = 'open' AND a.cleared_at IS NULL AND r.acknowledged_at IS NULL)"
            + " OR (:state = 'acknowledged' AND a.cleared_at IS NULL AND r.acknowledged_at IS NOT NULL)"
            + " OR (:state = 'cleared' AND a.cleared_at IS NOT NULL)"
            + " OR (:state = '" + NOT_CLEARED + "' AND a.cleared_at IS NULL))"
            + " ORDER BY COALESCE(a.cleared_at, a.raised_at) DESC, a.id LIMIT :limit OFFSET :offset")
    @RegisterConstructorMapper(Row.class)
    List<Row> list(
            @Bind("username") String username,
            @Bind("state") String state,
            @Bind("participantId") String participantId,
            @Bind("from") Instant from,
            @Bind("before") Instant before,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT " + COLUMNS + FROM + " AND a.id = :id")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("username") String username, @Bind("id") String id);

    @SqlUpdate("UPDATE alert_recipient SET acknowledged_at = :at, acknowledgement = :note"
            + " WHERE alert_id = :id AND username = :username AND acknowledged_at IS NULL")
    int acknowledge(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("note") String note,
            @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM alert_recipient WHERE alert_id = :id AND acknowledged_at IS NULL")
    int unacknowledged(@Bind("id") String id);
}
