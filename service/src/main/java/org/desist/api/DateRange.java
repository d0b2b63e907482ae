package org.desist.api;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/** The date filter lists take: {@code from} and {@code to}, both inclusive, either optional. */
public class DateRange {
    @QueryParam("from")
    @Parameter(description = "Earliest date, inclusive (yyyy-mm-dd)")
    private LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Latest date, inclusive (yyyy-mm-dd)")
    private LocalDate to;

    public LocalDate getFrom() {
        return from;
    }

    public LocalDate getTo() {
        return to;
    }
}
