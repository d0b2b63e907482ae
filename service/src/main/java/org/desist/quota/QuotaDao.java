package org.desist.quota;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The request_quota and unusual_reading tables, and the audit rows an account's usual reading is measured by. */
public interface QuotaDao {

    record Count(String kind, int requests, Instant windowStart) {}

    /**
     * One more request for the account and for the address, atomically on either database, in one statement: a
     * count whose window has passed starts again at one. Answers both counts as they now stand.
     */
    @SqlQuery("INSERT INTO request_quota (quota, kind, subject, requests, window_start)"
            + " VALUES (:quota, 'account', :account, 1, :now), (:quota, 'address', :address, 1, :now)"
            + " ON CONFLICT (quota, kind, subject) DO UPDATE SET"
            + " requests = CASE WHEN request_quota.window_start <= :staleBefore THEN 1"
            + "     ELSE request_quota.requests + 1 END,"
            + " window_start = CASE WHEN request_quota.window_start <= :staleBefore THEN :now"
            + "     ELSE request_quota.window_start END"
            + " RETURNING kind, requests, window_start")
    @RegisterConstructorMapper(Count.class)
    List<Count> count(
            @Bind("quota") String quota,
            @Bind("account") String account,
            @Bind("address") String address,
            @Bind("now") Instant now,
            @Bind("staleBefore") Instant staleBefore);

    /** Rows whose window passed before {@code staleBefore}: they would count from one again anyway. */
    @SqlUpdate("DELETE FROM request_quota WHERE window_start <= :staleBefore")
    int expire(@Bind("staleBefore") Instant staleBefore);

    /** The account's audited reads, exports and disclosures of case data in [from, to). */
    @SqlQuery("SELECT COUNT(*) FROM audit_event WHERE username = :username AND action IN ('read', 'export', 'disclose')"
            + " AND at >= :from AND at < :to")
    int reads(@Bind("username") String username, @Bind("from") Instant from, @Bind("to") Instant to);

    /** 1 if this is the first notice of the account's unusual reading that day, 0 if one was already made. */
    @SqlUpdate("INSERT INTO unusual_reading (username, day, reads, usual, noticed_at)"
            + " VALUES (:username, :day, :reads, :usual, :now) ON CONFLICT (username, day) DO NOTHING")
    int notice(
            @Bind("username") String username,
            @Bind("day") String day,
            @Bind("reads") int reads,
            @Bind("usual") int usual,
            @Bind("now") Instant now);
}
