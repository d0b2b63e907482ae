package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Quantiles of histograms: R's type 7, and the median the figures published before quartiles existed. */
class QuantilesTest {

    @Test
    void quartiles_are_those_r_and_excel_give() {
        // R: quantile(c(1, 2, 3, 4)) gives 1, 1.75, 2.5, 3.25, 4; Excel QUARTILE.INC the same
        Map<Integer, Integer> oneToFour = Map.of(1, 1, 2, 1, 3, 1, 4, 1);
        assertThat(Quantiles.quantile(oneToFour, 0)).isEqualTo(1.0);
        assertThat(Quantiles.quantile(oneToFour, 0.25)).isEqualTo(1.75);
        assertThat(Quantiles.quantile(oneToFour, 0.5)).isEqualTo(2.5);
        assertThat(Quantiles.quantile(oneToFour, 0.75)).isEqualTo(3.25);
        assertThat(Quantiles.quantile(oneToFour, 1)).isEqualTo(4.0);
        // R: quantile(c(1, 1, 1, 2, 2, 3, 4, 5, 7), c(.25, .5, .75)) gives 1, 2, 4
        Map<Integer, Integer> days = Map.of(1, 3, 2, 2, 3, 1, 4, 1, 5, 1, 7, 1);
        assertThat(Quantiles.quantile(days, 0.25)).isEqualTo(1.0);
        assertThat(Quantiles.quantile(days, 0.5)).isEqualTo(2.0);
        assertThat(Quantiles.quantile(days, 0.75)).isEqualTo(4.0);
        // R: quantile(c(4, 5, 5, 5, 5, 5, 5, 5), c(.25, .75)) gives 5, 5; quantile(c(7, 11, 13, 14, 16), .25) 11
        assertThat(Quantiles.quantile(Map.of(4, 1, 5, 7), 0.25)).isEqualTo(5.0);
        assertThat(Quantiles.quantile(Map.of(7, 1, 11, 1, 13, 1, 14, 1, 16, 1), 0.25))
                .isEqualTo(11.0);
        // R: quantile(c(0, 10), .25) gives 2.5
        assertThat(Quantiles.quantile(Map.of(0, 1, 10, 1), 0.25)).isEqualTo(2.5);
        assertThat(Quantiles.quantile(Map.of(), 0.25)).isNull();
        assertThat(Quantiles.quantile(Map.of(9, 1), 0.75)).isEqualTo(9.0);
        assertThatThrownBy(() -> Quantiles.quantile(oneToFour, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The median as published before: the middle value of the sorted values, or the mean of the middle two. */
    @Test
    void the_median_is_the_middle_value_as_before() {
        Random random = new Random(18);
        for (int trial = 0; trial < 2_000; trial++) {
            Map<Integer, Integer> histogram = new TreeMap<>();
            List<Integer> values = new ArrayList<>();
            int buckets = 1 + random.nextInt(8);
            for (int b = 0; b < buckets; b++) {
                int value = random.nextInt(60);
                int count = 1 + random.nextInt(5);
                histogram.merge(value, count, Integer::sum);
                values.addAll(Collections.nCopies(count, value));
            }
            Collections.sort(values);
            int n = values.size();
            double middle = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
            assertThat(Quantiles.median(histogram)).as("%s", histogram).isEqualTo(middle);
            assertThat(Quantiles.quantile(histogram, 0.5)).isEqualTo(middle);
        }
    }
}
