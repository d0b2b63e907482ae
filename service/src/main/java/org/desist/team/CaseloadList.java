package org.desist.team;

import java.util.List;

/** The caller's cases: small by nature (one person's allocations), so not paged. */
public record CaseloadList(List<CaseloadEntry> items) {}
