package org.desist.time;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The programme runs in the UK: "today" (for dates that cannot lie in the future) is the date in
 * London, so a referral entered at 00:30 BST is not refused as tomorrow's.
 */
public final class ProgrammeClock {
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private ProgrammeClock() {}

    public static Clock system() {
        return Clock.system(ZONE);
    }
}
