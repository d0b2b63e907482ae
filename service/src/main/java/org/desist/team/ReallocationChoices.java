package org.desist.team;

import java.util.List;

/** The reallocation form's choices at a site: who may be moved from, and who may take over (enabled accounts). */
public record ReallocationChoices(String siteCode, String siteName, List<String> from, List<String> to) {}
