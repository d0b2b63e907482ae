package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartDescriptionTest {

    @Test
    void names_every_point_series_by_series_with_its_unit() {
        assertThat(ChartDescription.of("attendance by month", "%", List.of(
                ChartPoint.monthly("attendance", YearMonth.of(2026, 1), 76.92),
                ChartPoint.monthly("attendance", YearMonth.of(2026, 2), 80.0))))
                .isEqualTo("Chart: attendance by month. Attendance: Jan 2026 76.9%, Feb 2026 80%.");
        assertThat(ChartDescription.of("risk movement", "", List.of(new ChartPoint("moved down", "Violence", 2.0),
                new ChartPoint("moved down", "Persistence", 3.0), new ChartPoint("stayed", "Violence", 0.0))))
                .isEqualTo("Chart: risk movement. Moved down: Violence 2, Persistence 3. Stayed: Violence 0.");
    }

    @Test
    void says_withheld_values_are_withheld_a_run_of_them_once() {
        assertThat(ChartDescription.of("enrolled", "", List.of(
                ChartPoint.monthly("enrolled", YearMonth.of(2026, 1), null),
                ChartPoint.monthly("enrolled", YearMonth.of(2026, 2), null),
                ChartPoint.monthly("enrolled", YearMonth.of(2026, 3), 6.0),
                ChartPoint.monthly("enrolled", YearMonth.of(2026, 4), null))))
                .isEqualTo("Chart: enrolled. Enrolled: Jan 2026 to Feb 2026 withheld, Mar 2026 6, Apr 2026 withheld.");
        assertThat(ChartDescription.of("enrolled", "", List.of())).isEqualTo("Chart: enrolled. No figures to show.");
    }
}
