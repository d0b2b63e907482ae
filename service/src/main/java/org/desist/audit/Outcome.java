package org.desist.audit;

/**
 * How an audited access ended, in the domain's words. The log stores each as the HTTP status the API
 * answered it with, as it always has: rows written before this type existed hold the same numbers, and the
 * hash chain seals them, so the stored form must not change.
 */
public enum Outcome {
    /** The record was read or exported. */
    READ(200),
    /** A record was made. */
    CREATED(201),
    /** A record was changed, and answered as it now stands. */
    CHANGED(200),
    /** A change that leaves nothing to show: a password changed, tokens ended. */
    DONE(204),
    /** A record outside the caller's scope, answered as if it did not exist. */
    HIDDEN(404),
    /** A record outside the caller's scope named in a request's body, refused as an unknown reference. */
    HIDDEN_REFERENCE(422),
    /** A participant outside the caller's scope whose identity the request matched, not named in the refusal. */
    HIDDEN_MATCH(409),
    /** The caller's role or scope does not reach what was asked. */
    FORBIDDEN(403),
    /** The credentials offered were refused. */
    UNAUTHENTICATED(401),
    /** Refused for a while after too many failed attempts. */
    THROTTLED(429);

    private final int stored;

    Outcome(int stored) {
        this.stored = stored;
    }

    /** The value of the status column. */
    int stored() {
        return stored;
    }
}
