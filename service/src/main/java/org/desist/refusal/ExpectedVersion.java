package org.desist.refusal;

/**
 * The version of a record a change was based on, as the client named it (over HTTP, its If-Match). It is
 * compared with the record's current version where the change is made, after the record was found: a change
 * that named none is {@link Refusal.VersionRequired}, one based on another version {@link Refusal.StaleVersion}.
 */
public final class ExpectedVersion {
    /** Null when none was named, or one that cannot be a version. */
    private final Integer version;

    private final String missing;

    private ExpectedVersion(Integer version, String missing) {
        this.version = version;
        this.missing = missing;
    }

    public static ExpectedVersion of(int version) {
        return new ExpectedVersion(version, null);
    }

    /** No version was named; {@code detail} says what to send instead. */
    public static ExpectedVersion missing(String detail) {
        return new ExpectedVersion(null, detail);
    }

    /** A version was named that no record ever has (not one this service issued): always stale. */
    public static ExpectedVersion unmatchable() {
        return new ExpectedVersion(null, null);
    }

    /** Refuses the change unless it was based on {@code current}. */
    public void requireCurrent(int current) {
        if (missing != null) {
            throw new Refusal.VersionRequired(missing);
        }
        if (version == null || version != current) {
            throw new Refusal.StaleVersion();
        }
    }
}
