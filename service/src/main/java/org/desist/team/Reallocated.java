package org.desist.team;

import java.util.List;

/** What a bulk reallocation did: the new allocations, one per allocation moved. */
public record Reallocated(String siteCode, String from, String to, List<Allocation> moved) {}
