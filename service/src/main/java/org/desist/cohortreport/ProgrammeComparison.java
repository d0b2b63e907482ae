package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.desist.site.Model;

/** The cohort figures side by side for each site and each model the caller covers, over a period. */
public record ProgrammeComparison(
        LocalDate from,
        LocalDate to,
        LocalDate asOf,

        @Schema(
                description = "Which cohorts' enrolments, targets and end dates are counted: programme (every cohort"
                        + " of each site, to date) or period (only the cohorts whose dates overlap from..to)")
        ComparisonScope scope,

        @Schema(description = "True unless a programme lead asked for ?unsuppressed=true")
        boolean smallNumbersSuppressed,

        List<Group> groups,
        List<FigureRow> figures) {

    /** A site (with its model) or a model (the sum of its sites). */
    public record Group(
            @Schema(description = "site or model") String groupType, String group, String name, Model model) {}
}
