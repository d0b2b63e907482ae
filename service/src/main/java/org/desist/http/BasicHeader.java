package org.desist.http;

import io.dropwizard.auth.basic.BasicCredentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The Authorization header's HTTP Basic form (RFC 7617): the scheme, then base64 of UTF-8 "name:password". */
public final class BasicHeader {
    public static final String SCHEME = "Basic";

    private BasicHeader() {}

    public static boolean isBasic(String authorization) {
        return hasScheme(authorization, SCHEME);
    }

    public static boolean hasScheme(String authorization, String scheme) {
        return authorization != null
                && authorization.length() > scheme.length()
                && authorization.regionMatches(true, 0, scheme, 0, scheme.length())
                && authorization.charAt(scheme.length()) == ' ';
    }

    /** The name and password, or empty for a header that is not Basic or does not decode to "name:password". */
    public static Optional<BasicCredentials> credentials(String authorization) {
        if (!isBasic(authorization)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(SCHEME.length() + 1).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0
                    ? Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)))
                    : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
