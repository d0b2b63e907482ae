package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.desist.site.Model;

/** A cohort's figures over a period, as JSON; the CSV holds the same rows, the PDF draws them. */
public record CohortReport(
        Header cohort,
        LocalDate from,
        LocalDate to,

        @Schema(description = "Today: figures 'now' (enrolments by state) and follow-up windows are as of this date")
        LocalDate asOf,

        @Schema(
                description = "True unless a programme lead asked for ?unsuppressed=true: counts from 1 to 4 are"
                        + " then \"<5\", and what would let them be worked out is withheld too")
        boolean smallNumbersSuppressed,

        List<FigureRow> figures) {

    /** The cohort the figures are of. */
    public record Header(
            String id,
            String name,
            String siteCode,
            String siteName,
            Model model,
            LocalDate startsOn,
            LocalDate endsOn,
            int target) {}
}
