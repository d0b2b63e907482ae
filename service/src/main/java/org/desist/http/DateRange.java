package org.desist.http;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.desist.listing.Period;

/**
 * The date filter every dated list takes: {@code from} and {@code to}, both inclusive, either optional.
 * What the dates are compared with (a referral's receivedOn, a cohort's startsOn, ...) is the list's own
 * business and said in its description.
 */
public class DateRange {
    @QueryParam("from")
    @Parameter(description = "Earliest date, inclusive (yyyy-mm-dd)", example = "2026-01-01")
    private LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Latest date, inclusive (yyyy-mm-dd); not before `from`", example = "2026-12-31")
    private LocalDate to;

    public DateRange() {}

    public DateRange(LocalDate from, LocalDate to) {
        this.from = from;
        this.to = to;
    }

    public static DateRange any() {
        return new DateRange();
    }

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }

    /** This range, or 400 naming {@code to} when it runs backwards (which would silently match nothing). */
    public DateRange ordered() {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badParameter("to", "must not be before from");
        }
        return this;
    }

    /** The range as the domain's period, for services. */
    @io.swagger.v3.oas.annotations.Hidden
    public Period period() {
        return new Period(from, to);
    }

    /** The first instant of {@code from} in the zone, or null for no lower bound. */
    public Instant startIn(ZoneId zone) {
        return period().startIn(zone);
    }

    /** The first instant after {@code to} in the zone (exclusive), or null for no upper bound. */
    public Instant endIn(ZoneId zone) {
        return period().endIn(zone);
    }
}
