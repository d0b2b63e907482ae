package org.desist.cohortreport;

import java.util.Map;
import java.util.TreeMap;

/**
 * Quantiles of a histogram of whole numbers (value → how many times it occurs), as the figures' SQL returns
 * them: by linear interpolation between the order statistics (R's type 7, the default of {@code quantile()},
 * and Excel's QUARTILE.INC), so that an analyst recomputing a figure from the rows gets the same number. The
 * median is the 0.5 quantile: the middle value, or the mean of the middle two.
 */
final class Quantiles {
    private Quantiles() {}

    /** How many values the histogram holds. */
    static long size(Map<Integer, Integer> histogram) {
        return histogram.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The {@code p} quantile (0 to 1): with the n values sorted x[0] to x[n-1] and h = (n - 1)p, x[⌊h⌋] + (h - ⌊h⌋)
     * (x[⌊h⌋ + 1] - x[⌊h⌋]). Null for an empty histogram.
     */
    static Double quantile(Map<Integer, Integer> histogram, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("A quantile is between 0 and 1, not " + p);
        }
        long n = size(histogram);
        if (n == 0) {
            return null;
        }
        double h = (n - 1) * p;
        long below = (long) Math.floor(h);
        TreeMap<Integer, Integer> sorted = new TreeMap<>(histogram);
        int lower = valueAt(sorted, below);
        if (below + 1 >= n) {
            return (double) lower;
        }
        int upper = valueAt(sorted, below + 1);
        return lower + (h - below) * (upper - lower);
    }

    static Double median(Map<Integer, Integer> histogram) {
        return quantile(histogram, 0.5);
    }

    /** The value at a 0-based position among the sorted values. */
    private static int valueAt(TreeMap<Integer, Integer> sorted, long position) {
        long seen = 0;
        for (Map.Entry<Integer, Integer> bucket : sorted.entrySet()) {
            seen += bucket.getValue();
            if (position < seen) {
                return bucket.getKey();
            }
        }
        throw new IllegalArgumentException("No value at " + position + " of " + seen);
    }
}
