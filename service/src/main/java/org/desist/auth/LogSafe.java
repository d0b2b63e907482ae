package org.desist.auth;

/** Makes client-supplied text safe for one log line: no line breaks to forge entries, bounded length. */
public final class LogSafe {
    private LogSafe() {}

    public static String text(String value) {
        if (value == null) {
            return "";
        }
        String flat = value.replaceAll("[\\p{Cntrl}]", "?");
        return flat.length() > 64 ? flat.substring(0, 64) + "…" : flat;
    }
}
