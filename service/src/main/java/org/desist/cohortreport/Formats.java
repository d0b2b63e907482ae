package org.desist.cohortreport;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which of the media types an endpoint offers the caller's Accept header prefers (Jersey sorts it by q). */
public final class Formats {
    public static final String CSV = "text/csv";
    public static final String PDF = "application/pdf";

    private Formats() {}

    static MediaType chosen(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            for (MediaType candidate : offered) {
                if (acceptable.isCompatible(candidate)) {
                    return candidate;
                }
            }
        }
        return offered.get(0);
    }

    /** {@code ?unsuppressed=} read strictly: absent or false, or true; anything else is a 400 naming it. */
    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw org.desist.http.ProblemException.badParameter(name, "must be true or false");
    }
}
