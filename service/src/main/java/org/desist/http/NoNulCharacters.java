package org.desist.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * No text here may hold a NUL character: PostgreSQL cannot store one in a text column (the statement
 * fails, and with it every audit row committed alongside), and nothing a person types contains one. It
 * is refused where text comes in, in query parameters (400) and in JSON strings (400 naming the field),
 * on every database alike. Paths with %00 are refused by Jetty before they get here. Unicode's noncharacters
 * (U+FFFE, U+FFFF, U+FDD0 to U+FDEF and the last two of every plane) are refused alike: never in text a person
 * writes, and Java's text layout takes U+FFFF for the end of the text, so a case holding one could not be
 * printed.
 */
@PreMatching
@Priority(3)
public class NoNulCharacters implements ContainerRequestFilter {
    static final String REASON = "must not contain a NUL character or a Unicode noncharacter";

    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter :
                request.getUriInfo().getQueryParameters().entrySet()) {
            if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(NoNulCharacters::hasNul)) {
                throw ProblemException.badParameter(printable(parameter.getKey()), REASON);
            }
        }
    }

    /** JSON strings read through Jackson's own string reading (coercion rules included), then checked. */
    public static Module json() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new Text());
    }

    private static boolean hasNul(String text) {
        return text != null && text.codePoints().anyMatch(c -> c == 0 || isNoncharacter(c));
    }

    static boolean isNoncharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** The text with what is refused shown as '?', for the problem's words. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> shown.appendCodePoint(c == 0 || isNoncharacter(c) ? '?' : c));
        return shown.toString();
    }

    private static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (hasNul(text)) {
                return (String) context.handleWeirdStringValue(String.class, printable(text), REASON);
            }
            return text;
        }
    }
}
