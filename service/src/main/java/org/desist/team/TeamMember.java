package org.desist.team;

import java.time.LocalDate;

/** One open allocation on a case: who, in which part, since when. */
public record TeamMember(String username, TeamRole teamRole, LocalDate fromDate) {}
