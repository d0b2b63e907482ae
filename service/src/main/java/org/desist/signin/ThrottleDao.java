package org.desist.signin;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sign_in_throttle table: counts of failed sign-ins per username and per client address. */
public interface ThrottleDao {

    record Count(String kind, int failures, Instant windowStart, Instant blockedUntil) {}

    @SqlQuery("SELECT kind, failures, window_start, blocked_until FROM sign_in_throttle"
            + " WHERE (kind = 'username' AND subject = :username) OR (kind = 'address' AND subject = :address)")
    @RegisterConstructorMapper(Count.class)
    List<Count> counts(@Bind("username") String username, @Bind("address") String address);

    /**
     * One more failure, atomically on either database: a count whose window has passed starts again at one;
     * the count that reaches {@code blockAfter} sets the block.
     */
    @SqlUpdate("INSERT INTO sign_in_throttle (kind, subject, failures, window_start, last_failure, blocked_until)"
            + " VALUES (:kind, :subject, 1, :now, :now, NULL)"
            + " ON CONFLICT (kind, subject) DO UPDATE SET"
            + " failures = CASE WHEN sign_in_throttle.window_start <= :staleBefore THEN 1"
            + "     ELSE sign_in_throttle.failures + 1 END,"
            + " blocked_until = CASE WHEN sign_in_throttle.window_start <= :staleBefore THEN NULL"
            + "     WHEN sign_in_throttle.failures + 1 >= :blockAfter THEN :blockedUntil"
            + "     ELSE sign_in_throttle.blocked_until END,"
            + " window_start = CASE WHEN sign_in_throttle.window_start <= :staleBefore THEN :now"
            + "     ELSE sign_in_throttle.window_start END,"
            + " last_failure = :now")
    void failed(
            @Bind("kind") String kind,
            @Bind("subject") String subject,
            @Bind("now") Instant now,
            @Bind("staleBefore") Instant staleBefore,
            @Bind("blockAfter") int blockAfter,
            @Bind("blockedUntil") Instant blockedUntil);

    /** Rows whose window has passed and that block nothing: they would count from one again anyway. */
    @SqlUpdate("DELETE FROM sign_in_throttle WHERE window_start <= :staleBefore"
            + " AND (blocked_until IS NULL OR blocked_until <= :now)")
    int expire(@Bind("staleBefore") Instant staleBefore, @Bind("now") Instant now);
}
