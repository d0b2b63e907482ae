package org.desist.team;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads of the case_team table. */
public interface CaseTeamDao {

    /** The case's open allocations to enabled accounts, in team-role order. */
    @SqlQuery("SELECT t.username, t.team_role, t.from_date FROM case_team t JOIN app_user u ON u.username = t.username"
            + " WHERE t.participant_id = :participantId AND t.ended_at IS NULL AND u.disabled = 0"
            + " ORDER BY t.team_role, t.username")
    @RegisterConstructorMapper(TeamMember.class)
    List<TeamMember> currentMembers(@Bind("participantId") String participantId);
}
