package org.desist.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates from and to, both inclusive, either open (null). What they are compared with is the list's business. */
public record Period(LocalDate from, LocalDate to) {
    /** The first instant of {@code from} in the zone, or null for no lower bound. */
    public Instant startIn(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /**
     * The first instant after {@code to} in the zone (an exclusive bound), or null for no upper bound: also for
     * the last date there is ({@code +999999999-12-31}), which has no day after it.
     */
    public Instant endIn(ZoneId zone) {
        return to == null || to.equals(LocalDate.MAX)
                ? null
                : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
