package org.desist.audit;

import java.time.Instant;
import java.util.List;
import org.desist.auth.SiteBindings;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Appends and reads the audit log. There is deliberately no update or delete here. */
@RegisterConstructorMapper(AuditRecord.class)
public interface AuditDao {
    String COLUMNS = "seq, at, username, role, action, resource_type, resource_id, participant_id, status,"
            + " request_id, purpose, client_address, prev_hash, hash, key_id, recipient, content_sha256";

    /** The chain's head: its last row, and the seal over that (null before the chain was keyed). */
    record Head(long lastSeq, String lastHash, String keyId, String mac) {
        boolean sealed() {
            return mac != null;
        }
    }

    /** Moves the head onto itself first: on PostgreSQL this takes the row lock that orders appenders. */
    @SqlUpdate("UPDATE audit_head SET last_seq = last_seq WHERE id = 1")
    void lockHead();

    @SqlQuery("SELECT last_seq, last_hash, key_id, mac FROM audit_head WHERE id = 1")
    @RegisterConstructorMapper(Head.class)
    Head head();

    @SqlUpdate("UPDATE audit_head SET last_seq = :seq, last_hash = :hash, key_id = :keyId, mac = :mac WHERE id = 1")
    void moveHead(
            @Bind("seq") long seq, @Bind("hash") String hash, @Bind("keyId") String keyId, @Bind("mac") String mac);

    /** A sealed row: the event with its place in the chain and the key that sealed it. */
    record Sealed(long seq, AuditEvent e, String prevHash, String hash, String keyId) {}

    @SqlBatch("INSERT INTO audit_event (" + COLUMNS + ") VALUES (:seq, :e.at, :e.username, :e.role, :e.action,"
            + " :e.resourceType, :e.resourceId, :e.participantId, :e.status, :e.requestId, :e.purpose, :e.clientAddress, :prevHash,"
            + " :hash, :keyId, :e.recipient, :e.contentSha256)")
    void insert(@BindMethods List<Sealed> rows);

    /** Accounts within the sites {@code <sites>}: see {@link SiteBindings#ACCOUNT_WITHIN_SITES}. */
    String ACCOUNTS_WITHIN = "(SELECT u.username FROM app_user u WHERE " + SiteBindings.ACCOUNT_WITHIN_SITES + ")";

    /**
     * Rows within an administrator's sites ({@code allSites} for all): about participants of those sites, about
     * accounts within them, and, where no participant is named, whatever accounts within them did.
     */
    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event"
            + " WHERE (:participantId IS NULL OR participant_id = :participantId)"
            + " AND (:username IS NULL OR username = :username)"
            + " AND (:action IS NULL OR action = :action)"
            + " AND (:from IS NULL OR at >= :from) AND (:to IS NULL OR at < :to)"
            + " AND (:before IS NULL OR seq < :before)"
            + " AND (:allSites = 1"
            + "   OR participant_id IN (SELECT p.id FROM participant p WHERE p.site_code IN (<sites>))"
            + "   OR participant_id IS NULL AND ((resource_type = 'account' AND resource_id IN " + ACCOUNTS_WITHIN + ")"
            + "     OR (resource_type <> 'account' AND username IN " + ACCOUNTS_WITHIN + ")))"
            + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
    List<AuditRecord> search(
            @Bind("participantId") String participantId,
            @Bind("username") String username,
            @Bind("action") String action,
            @Bind("from") Instant from,
            @Bind("to") Instant to,
            @Bind("before") Long before,
            @Bind("allSites") boolean allSites,
            @BindList("sites") List<String> sites,
            @Bind("limit") int limit,
            @Bind("offset") int offset);

    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE participant_id = :participantId ORDER BY seq")
    List<AuditRecord> ofParticipant(@Bind("participantId") String participantId);

    @SqlQuery("SELECT " + COLUMNS + " FROM audit_event WHERE seq > :after ORDER BY seq LIMIT :limit")
    List<AuditRecord> after(@Bind("after") long after, @Bind("limit") int limit);
}
