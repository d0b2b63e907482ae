package org.desist.team;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The cases an account holds an open allocation on, each with where it stands. */
public interface CaseloadDao {
    String LATEST_REFERRAL = " FROM referral r WHERE r.participant_id = p.id";

    @SqlQuery("SELECT p.id AS participant_id, p.case_ref, p.site_code, t.team_role,"
            + " (SELECT r.priority" + LATEST_REFERRAL + " AND r.status = 'reviewed'"
            + "   ORDER BY r.received_on DESC, r.created_at DESC LIMIT 1) AS priority,"
            + " COALESCE((SELECT e.state FROM enrolment e WHERE e.participant_id = p.id"
            + "   ORDER BY e.created_at DESC LIMIT 1),"
            + "  (SELECT r.status" + LATEST_REFERRAL + " ORDER BY r.received_on DESC, r.created_at DESC LIMIT 1))"
            + "   AS state,"
            + " (SELECT MIN(s.scheduled_at) FROM session s WHERE s.participant_id = p.id AND s.status = 'active'"
            + "   AND s.outcome IS NULL AND s.scheduled_at >= :now) AS next_session,"
            + " (SELECT COUNT(*) FROM alert a WHERE a.participant_id = p.id AND a.cleared_at IS NULL) AS open_alerts"
            + " FROM case_team t JOIN participant p ON p.id = t.participant_id"
            + " WHERE t.username = :username AND t.ended_at IS NULL"
            + " ORDER BY p.case_ref, t.team_role")
    @RegisterConstructorMapper(CaseloadEntry.class)
    List<CaseloadEntry> of(@Bind("username") String username, @Bind("now") Instant now);
}
