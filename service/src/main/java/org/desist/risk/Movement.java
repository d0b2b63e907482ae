package org.desist.risk;

/** How a risk rating moved between two points: the figure programme leads and clinicians watch. */
public enum Movement {
    down,
    same,
    up;

    /** The movement from {@code first} to {@code latest}, or null when either is missing. */
    public static Movement between(RiskRating first, RiskRating latest) {
        if (first == null || latest == null) {
            return null;
        }
        int change = Integer.compare(latest.ordinal(), first.ordinal());
        return change < 0 ? down : change == 0 ? same : up;
    }
}
