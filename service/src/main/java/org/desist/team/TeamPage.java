package org.desist.team;

import org.desist.web.Page;
import org.desist.web.Viewer;

/** The case's team on a page of its own: where an allocation the service refused is shown again with its problem. */
public final class TeamPage extends Page {
    private final CaseTeam team;

    TeamPage(Viewer viewer, CaseTeam team) {
        super("team/team.ftlh", viewer, "Team of case " + team.caseRef());
        this.team = team;
    }

    public String getId() {
        return team.participantId();
    }

    public String getCaseRef() {
        return team.caseRef();
    }

    public TeamSection getTeam() {
        return new TeamSection(team);
    }
}
