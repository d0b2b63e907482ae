package org.desist.synthetic;

/**
 * Ids for synthetic records: UUID-shaped like the service's own, but made from the seed, a table number
 * and a counter, so that the same seed gives the same ids and each table's ids grow in insertion order
 * (its B-tree is appended to, which keeps a bulk load fast).
 */
final class SyntheticIds {
    private final int seedBits;
    private final long[] counters = new long[16];

    SyntheticIds(long seed) {
        this.seedBits = (int) (mix(seed) & 0xffffffffL);
    }

    String next(int table) {
        long n = ++counters[table];
        return String.format(
                "%08x-%04x-4%03x-a%03x-%012x",
                seedBits, table, (n >>> 60) & 0xfff, (n >>> 48) & 0xfff, n & 0xffffffffffffL);
    }

    /** A 64-bit mix (SplitMix64's finaliser), so that neighbouring seeds give unrelated prefixes. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
