package org.desist.referral;

/** The daily review's priority. The rank orders the reviewed queue: higher ranks are seen first. */
public enum Priority {
    standard(1),
    medium(2),
    high(3);

    private final int rank;

    Priority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
