package org.desist.cohortreport;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * One published figure for one group and period: a row of the tidy CSV, and of the JSON. Columns are
 * named for R and Excel users; docs/metrics.md defines every figure.
 */
@Schema(description = "One figure for one group and period (docs/metrics.md defines each figure)")
public record FigureRow(
        @Schema(example = "attendance_rate") String figure,

        @Schema(
                description = "count, rate (0 to 1), median_days, mean, days (a median or quartile of days), months"
                        + " (calendar months), pace (enrolments a month), target or baseline",
                example = "rate")
        String measure,

        @Schema(
                nullable = true,
                description = "What the breakdown is by (source, priority, state, reason, outcome, service,"
                        + " domain, kind, window); null on a total",
                example = "source")
        String breakdownBy,

        @Schema(nullable = true, description = "The breakdown's category; null on a total", example = "police")
        String breakdown,

        @Schema(description = "cohort, site or model") String groupType,

        @Schema(description = "The cohort's id, the site's code or the model's name")
        String group,

        LocalDate periodStart,
        LocalDate periodEnd,

        @Schema(
                nullable = true,
                oneOf = {Number.class, String.class},
                description = "The number; \"<5\" for a count"
                        + " from 1 to 4 when suppressed; null when withheld for another reason or when there is no value"
                        + " (a rate over nothing)")
        Object value,

        @Schema(
                nullable = true,
                description = "Why the value is withheld: small_number, complementary or derived;"
                        + " null when it is published")
        Suppression suppressed) {}
