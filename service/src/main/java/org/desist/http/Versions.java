package org.desist.http;

import jakarta.ws.rs.core.EntityTag;
import org.desist.refusal.ExpectedVersion;

/**
 * Optimistic concurrency over HTTP: a record's version travels as a strong ETag ({@code "3"}), and a
 * change must name the version it was based on in If-Match. The service compares it with the record's
 * version: missing is 428, stale is 412.
 */
public final class Versions {
    private Versions() {}

    public static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * The version an If-Match header names. "*" names none: it would let a blind write through. A weak or
     * malformed tag is no version this service issued, so it is stale whatever the record's version.
     */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.missing("Send If-Match with the ETag of the version you are changing");
        }
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return ExpectedVersion.missing("If-Match must carry the ETag you read, not *");
        }
        if (value.startsWith("W/")) {
            return ExpectedVersion.unmatchable();
        }
        if (value.length() < 3 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return ExpectedVersion.unmatchable();
        }
        try {
            return ExpectedVersion.of(Integer.parseInt(value.substring(1, value.length() - 1)));
        } catch (NumberFormatException e) {
            return ExpectedVersion.unmatchable();
        }
    }
}
