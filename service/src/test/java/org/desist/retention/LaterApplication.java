package org.desist.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.desist.DesistApplication;
import org.desist.time.ProgrammeClock;

/**
 * The service on a clock a test moves forward: the system's time plus an offset, so that what happens six years
 * after a case closes can be seen in one run. Every part of the service reads this clock (DesistApplication.clock).
 */
public class LaterApplication extends DesistApplication {
    static final MovableClock CLOCK = new MovableClock();

    @Override
    protected Clock clock() {
        return CLOCK;
    }

    /** The system clock in London, moved forward by what the test has added so far. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

        /** Moves the clock forward by a calendar period counted from today's date (six years, a month). */
        void advance(Period period) {
            Instant now = instant();
            Instant later = now.atZone(getZone()).plus(period).toInstant();
            offset.updateAndGet(o -> o.plus(Duration.between(now, later)));
        }

        @Override
        public ZoneId getZone() {
            return ProgrammeClock.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset.get());
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }
}
