package org.desist.http;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;

/**
 * Optimistic concurrency over HTTP: a record's version travels as a strong ETag ({@code "3"}), and a
 * change must name the version it was based on in If-Match. Missing is 428, stale is 412.
 */
public final class Versions {
    private Versions() {
    }

    public static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an If-Match header names. "*" is refused: it would let a blind write through. */
    public static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "Precondition Required",
                    "Send If-Match with the ETag of the version you are changing", List.of());
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            throw new ProblemException(428, "Precondition Required",
                    "If-Match must carry the ETag you read, not *", List.of());
        }
        if (value.startsWith("W/")) {
            throw stale();
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            throw stale();
        }
        try {
            return Integer.parseInt(value.substring(1, value.length() - 1));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static void requireCurrent(int expected, int current) {
        if (expected != current) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return new ProblemException(412, "Precondition Failed",
                "The record has changed since you read it; read it again and reapply your change", List.of());
    }
}
