package org.desist.listing;

/** Which slice of a list to read: at most {@code limit} items after skipping {@code offset}. */
public record PageRequest(int limit, int offset) {
    /** Rows to fetch: one more than a page, to learn whether another page follows. */
    public int fetch() {
        return limit + 1;
    }
}
