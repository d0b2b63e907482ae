package org.desist.participant;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The two things besides a caller's sites that decide whether a case may be read or written: a break-glass grant
 * still running (breakglass/), and a restriction of processing in force (restriction/).
 */
public interface CaseAccessDao {
    /** The reason of the newest grant of this account to this case that has not yet expired. */
    @SqlQuery("SELECT reason FROM break_glass_grant WHERE username = :username AND participant_id = :participantId"
            + " AND expires_at > :now ORDER BY opened_at DESC, id LIMIT 1")
    Optional<String> runningGrantReason(
            @Bind("username") String username, @Bind("participantId") String participantId, @Bind("now") Instant now);

    /** When the newest running grant of this account to this case expires. */
    @SqlQuery("SELECT MAX(expires_at) FROM break_glass_grant WHERE username = :username"
            + " AND participant_id = :participantId AND expires_at > :now")
    Optional<Instant> runningGrantUntil(
            @Bind("username") String username, @Bind("participantId") String participantId, @Bind("now") Instant now);

    /** The purpose of the case's restriction in force, if any. */
    @SqlQuery("SELECT purpose FROM case_restriction WHERE participant_id = :participantId AND lifted_at IS NULL")
    Optional<String> restrictionPurpose(@Bind("participantId") String participantId);
}
