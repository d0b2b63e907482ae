package org.desist.team;

import java.util.List;

/** A case's team now, and every allocation that has ended (latest first): the history is never deleted. */
public record CaseTeam(String participantId, String caseRef, List<Allocation> current, List<Allocation> ended) {}
