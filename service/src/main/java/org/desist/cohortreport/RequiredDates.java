package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * from and to where a period has no default (programme-wide figures and the export): the same
 * parameters as {@link org.desist.http.DateRange}, documented as required. {@link ReportingPeriod}
 * refuses a missing one with a 400 naming it.
 */
public class RequiredDates {
    @QueryParam("from")
    @Parameter(description = "Earliest date, inclusive (yyyy-mm-dd)", required = true, example = "2026-01-01")
    private LocalDate from;

    @QueryParam("to")
    @Parameter(
            description = "Latest date, inclusive (yyyy-mm-dd); not before `from`, at most " + ReportingPeriod.MAX_YEARS
                    + " years after it",
            required = true,
            example = "2026-12-31")
    private LocalDate to;

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }
}
