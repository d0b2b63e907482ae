package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDescriptionTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static FigureRow row(String measure, Object value, Suppression suppressed) {
        return new FigureRow("figure", measure, null, null, "cohort", "c1", DAY, DAY, value, suppressed);
    }

    private static ChartPoint count(String series, String category, Object value) {
        return ChartPoint.of(series, category, row("count", value, null));
    }

    private static ChartPoint month(String series, int month, FigureRow row) {
        return ChartPoint.monthly(series, YearMonth.of(2026, month), row);
    }

    @Test
    void names_every_point_series_by_series_with_its_unit() {
        assertThat(ChartDescription.of(
                        "attendance by month",
                        "%",
                        List.of(
                                month("attendance", 1, row("rate", 0.7692, null)),
                                month("attendance", 2, row("rate", 0.8, null)))))
                .isEqualTo("Chart: attendance by month. Attendance: Jan 2026 76.9%, Feb 2026 80%.");
        assertThat(ChartDescription.of(
                        "risk movement",
                        "",
                        List.of(
                                count("moved down", "Violence", 6),
                                count("moved down", "Persistence", 7),
                                count("stayed", "Violence", 0))))
                .isEqualTo("Chart: risk movement. Moved down: Violence 6, Persistence 7. Stayed: Violence 0.");
    }

    /** The words say what the bars' labels say: a small number is "fewer than 5", never 4 nor zero. */
    @Test
    void says_withheld_values_as_the_chart_labels_them_a_run_of_them_once() {
        assertThat(ChartDescription.of(
                        "enrolled",
                        "",
                        List.of(
                                month("enrolled", 1, row("count", "<5", Suppression.small_number)),
                                month("enrolled", 2, row("count", "<5", Suppression.small_number)),
                                month("enrolled", 3, row("count", 6, null)),
                                month("enrolled", 4, row("count", null, Suppression.complementary)),
                                month("enrolled", 5, row("rate", null, null)))))
                .isEqualTo("Chart: enrolled. Enrolled: Jan 2026 to Feb 2026 fewer than 5, Mar 2026 6,"
                        + " Apr 2026 withheld, May 2026 no figure.");
        assertThat(ChartDescription.of("enrolled", "", List.of())).isEqualTo("Chart: enrolled. No figures to show.");
    }
}
