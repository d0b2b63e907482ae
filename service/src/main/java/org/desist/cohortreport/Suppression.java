package org.desist.cohortreport;

import java.util.Comparator;
import java.util.List;

/**
 * Why a published number is withheld. Small numbers identify people, so:
 * <ol>
 * <li>{@code small_number}: a count from 1 to 4 is shown as {@code <5};</li>
 * <li>{@code complementary}: where a breakdown's total is published and exactly one of its parts is
 *     withheld, the smallest other non-zero part is withheld too, so the small one cannot be worked out
 *     by subtraction (repeated until nothing changes);</li>
 * <li>{@code derived}: a rate, mean or median is withheld when a count it is made of is withheld, or
 *     is from 1 to 4 (a mean of three ratings tells too much about three sessions).</li>
 * </ol>
 * Zero is published: it identifies nobody. Targets and the baseline are not counts of people.
 */
public enum Suppression {
    small_number,
    complementary,
    derived;

    /** Counts below this are small numbers. */
    public static final int THRESHOLD = 5;

    /** What a small number is shown as. */
    public static final String SMALL_NUMBER_SHOWN_AS = "<5";

    /** What a value withheld for another reason (complementary, derived) is shown as in the PDFs. */
    public static final String WITHHELD_SHOWN_AS = "[c]";

    /** A breakdown: parts that add up to a published total. */
    record Partition(Cell total, List<Cell> parts) {}

    static void apply(List<Cell> cells, List<Partition> partitions) {
        for (Cell cell : cells) {
            if (cell.published && cell.isSmall()) {
                cell.suppression = small_number;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Partition partition : partitions) {
                changed |= complement(partition);
            }
        }
        for (Cell cell : cells) {
            if (!cell.isCount()
                    && cell.suppression == null
                    && cell.inputs.stream().anyMatch(input -> input.isSuppressed() || input.isSmall())) {
                cell.suppression = derived;
            }
        }
    }

    private static boolean complement(Partition partition) {
        if (partition.total().isSuppressed()
                || partition.parts().stream().filter(Cell::isSuppressed).count() != 1) {
            return false;
        }
        return partition.parts().stream()
                .filter(part -> !part.isSuppressed() && part.count() > 0)
                .min(Comparator.comparingLong(Cell::count))
                .map(part -> {
                    part.suppression = complementary;
                    return true;
                })
                .orElse(false);
    }
}
