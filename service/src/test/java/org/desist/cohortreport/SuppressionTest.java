package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.desist.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** The arithmetic of publication: suppression rules, medians, periods and age bands, without a database. */
class SuppressionTest {
    static final ReportingPeriod PERIOD = new ReportingPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    static Cell count(long value) {
        return new Cell(Figure.referrals_received, "source", "x", PERIOD, value, true, List.of());
    }

    @Test
    void small_counts_are_withheld_and_zero_and_five_are_not() {
        List<Cell> cells = List.of(count(0), count(1), count(4), count(5));
        Suppression.apply(cells, List.of());
        assertThat(cells)
                .extracting(cell -> cell.suppression)
                .containsExactly(null, Suppression.small_number, Suppression.small_number, null);
    }

    @Test
    void one_withheld_part_of_a_published_total_takes_the_smallest_other_part_with_it() {
        Cell total = count(20);
        Cell small = count(3);
        Cell zero = count(0);
        Cell seven = count(7);
        Cell ten = count(10);
        List<Cell> cells = new ArrayList<>(List.of(total, small, zero, seven, ten));
        Suppression.apply(cells, List.of(new Suppression.Partition(total, List.of(small, zero, seven, ten))));
        assertThat(small.suppression).isEqualTo(Suppression.small_number);
        assertThat(zero.suppression).isNull();
        assertThat(seven.suppression).isEqualTo(Suppression.complementary);
        assertThat(ten.suppression).isNull();
        assertThat(total.suppression).isNull();
    }

    @Test
    void two_withheld_parts_need_nothing_more_and_a_withheld_total_protects_its_parts() {
        Cell total = count(12);
        Cell a = count(2);
        Cell b = count(3);
        Cell c = count(7);
        Suppression.apply(
                new ArrayList<>(List.of(total, a, b, c)), List.of(new Suppression.Partition(total, List.of(a, b, c))));
        assertThat(c.suppression).isNull();

        Cell smallTotal = count(4);
        Cell only = count(4);
        Cell none = count(0);
        Suppression.apply(
                new ArrayList<>(List.of(smallTotal, only, none)),
                List.of(new Suppression.Partition(smallTotal, List.of(only, none))));
        assertThat(none.suppression).isNull();
    }

    @Test
    void a_rate_or_mean_over_a_withheld_or_tiny_count_is_withheld() {
        Cell numerator = count(3);
        Cell denominator = count(9);
        Cell rate =
                new Cell(Figure.attendance_rate, null, null, PERIOD, 3.0 / 9, true, List.of(numerator, denominator));
        Cell hiddenN = new Cell(null, null, null, PERIOD, 4L, false, List.of());
        Cell mean = new Cell(Figure.mean_engagement, null, null, PERIOD, 3.5, true, List.of(hiddenN));
        Cell enoughN = new Cell(null, null, null, PERIOD, 5L, false, List.of());
        Cell fine = new Cell(Figure.mean_engagement, null, null, PERIOD, 3.2, true, List.of(enoughN));
        Cell target = new Cell(Figure.enrolment_target, null, null, PERIOD, 3L, true, List.of());
        Suppression.apply(
                new ArrayList<>(List.of(numerator, denominator, rate, hiddenN, mean, enoughN, fine, target)),
                List.of());
        assertThat(rate.suppression).isEqualTo(Suppression.derived);
        assertThat(mean.suppression).isEqualTo(Suppression.derived);
        assertThat(hiddenN.suppression)
                .as("hidden cells are never published, so never marked")
                .isNull();
        assertThat(fine.suppression).isNull();
        assertThat(target.suppression).isNull();
    }

    @Test
    void medians_of_histograms() {
        assertThat(Quantiles.median(Map.of())).isNull();
        assertThat(Quantiles.median(Map.of(3, 1))).isEqualTo(3.0);
        assertThat(Quantiles.median(Map.of(1, 3, 2, 2, 3, 1, 4, 1, 5, 1, 7, 1))).isEqualTo(2.0);
        assertThat(Quantiles.median(Map.of(1, 1, 4, 1))).isEqualTo(2.5);
        assertThat(Quantiles.median(Map.of(0, 2, 10, 2))).isEqualTo(5.0);
    }

    @Test
    void periods_are_checked_and_cut_into_months() {
        ReportingPeriod period = ReportingPeriod.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 10), null, null);
        assertThat(period.months()).hasSize(3);
        assertThat(period.within(period.months().get(0)))
                .isEqualTo(new ReportingPeriod(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31)));
        assertThat(period.within(period.months().get(2)))
                .isEqualTo(new ReportingPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10)));
        assertThatThrownBy(() -> ReportingPeriod.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), null, null))
                .isInstanceOf(Refusal.BadParameter.class)
                .hasMessageContaining("to must not be before from");
        assertThatThrownBy(() -> ReportingPeriod.of(null, LocalDate.of(2026, 1, 1), null, null))
                .hasMessageContaining("from is required");
        assertThat(ReportingPeriod.of(null, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))
                        .from())
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void age_bands_replace_dates_of_birth() {
        LocalDate on = LocalDate.of(2026, 6, 1);
        assertThat(AgeBand.at(LocalDate.of(2009, 6, 2), on)).isEqualTo("under_18");
        assertThat(AgeBand.at(LocalDate.of(2008, 6, 1), on)).isEqualTo("18-24");
        assertThat(AgeBand.at(LocalDate.of(2001, 6, 1), on)).isEqualTo("25-34");
        assertThat(AgeBand.at(LocalDate.of(1992, 6, 2), on)).isEqualTo("25-34");
        assertThat(AgeBand.at(LocalDate.of(1987, 3, 14), on)).isEqualTo("35-44");
        assertThat(AgeBand.at(LocalDate.of(1962, 6, 2), on)).isEqualTo("55-64");
        assertThat(AgeBand.at(LocalDate.of(1961, 6, 1), on)).isEqualTo("65_and_over");
    }
}
