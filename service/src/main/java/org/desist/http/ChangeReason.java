package org.desist.http;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Why a record changes, as every amending operation takes it: in the {@value #HEADER} header, never in the address
 * (free text that names people ends up in proxies' logs and histories). A header, not a body field: the body of
 * these operations is a JSON merge patch of the record, whose fields (a service referral's {@code reason}) a
 * reason field would collide with. Header values are ASCII, so the text is UTF-8 percent-encoded (RFC 3986), as it
 * was in the query string; {@code %} itself is {@code %25}. The old {@code ?reason=} is read only while the
 * deprecated {@code api.searchTermsInQuery} switch is on ({@link TermsOutOfAddresses} refuses it otherwise).
 */
// swagger reads a bean parameter's parameters through Jackson's view of its properties (see ParticipantSearch)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ChangeReason {
    public static final String HEADER = "Change-Reason";

    @HeaderParam(HEADER)
    @Parameter(
            required = true,
            description = "Why the record changes: UTF-8 text, percent-encoded (a space is %20, % is %25); at most"
                    + " 2000 characters. Kept with the earlier version in the history.",
            example = "Court%20date%20moved")
    private String header;

    @QueryParam("reason")
    @Parameter(hidden = true)
    private String query;

    public ChangeReason() {}

    /** The reason given (null when none was), or 400 naming the header when it is not percent-encoded UTF-8. */
    public String text() {
        if (header != null) {
            return decode(header);
        }
        return query;
    }

    static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x7e || c < 0x20 && c != '\t') {
                throw malformed();
            }
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw malformed();
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static ProblemException malformed() {
        return ProblemException.badParameter(
                HEADER, "must be UTF-8 text, percent-encoded (%XX for each byte outside printable ASCII)");
    }
}
