package org.desist.hostile;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as sent: the operation it aims at, the kind of attack, the method, the address below /api
 * (already percent-encoded where it needs to be), the headers and the body bytes (null: none).
 * {@link #IF_MATCH_CURRENT} in If-Match stands for the record's ETag at the moment of sending.
 */
record HostileRequest(
        ApiOperations.Operation operation,
        String attack,
        String method,
        String target,
        Map<String, String> headers,
        byte[] body) {
    static final String IF_MATCH_CURRENT = "<current>";

    HostileRequest withMethod(String other) {
        return new HostileRequest(operation, attack, other, target, headers, body);
    }

    HostileRequest withTarget(String other) {
        return new HostileRequest(operation, attack, method, other, headers, body);
    }

    HostileRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            changed.put(name, value);
        }
        return new HostileRequest(operation, attack, method, target, changed, body);
    }

    HostileRequest withBody(byte[] other) {
        HostileRequest request = new HostileRequest(operation, attack, method, target, headers, other);
        return other == null || headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Type"))
                ? request
                : request.withHeader("Content-Type", "application/json");
    }

    HostileRequest withBody(String json) {
        return withBody(json.getBytes(StandardCharsets.UTF_8));
    }

    HostileRequest as(String kind) {
        return new HostileRequest(operation, kind, method, target, headers, body);
    }

    /** What a failure report shows: enough to send it again by hand, the body cut short. */
    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shown.length() > 300) {
            shown = shown.substring(0, 300) + "... (" + body.length + " bytes)";
        }
        String address =
                target.length() > 300 ? target.substring(0, 300) + "... (" + target.length() + " chars)" : target;
        Map<String, String> shownHeaders = new LinkedHashMap<>(headers);
        shownHeaders.remove("Authorization");
        return "[" + attack + "] " + method + " /api" + address + " " + shownHeaders + " " + shown;
    }
}
