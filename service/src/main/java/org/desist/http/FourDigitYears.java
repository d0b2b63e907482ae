package org.desist.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

/**
 * Dates and instants in JSON bodies are of years 1 to 9999. ISO 8601 writes any other year with a sign
 * ("+10000-01-01"): stored as text it no longer sorts among the others nor reads back as a month, and no
 * event of a case falls outside these years. Refused as the field's bad value (400 naming it).
 */
public final class FourDigitYears {
    static final String REASON = "must be a date of a year from 0001 to 9999";

    private FourDigitYears() {}

    public static Module json() {
        return new SimpleModule("four-digit-years")
                .addDeserializer(
                        LocalDate.class,
                        new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear))
                .addDeserializer(
                        Instant.class,
                        new Bounded<>(
                                Instant.class, InstantDeserializer.INSTANT, instant -> instant.atOffset(ZoneOffset.UTC)
                                        .getYear()));
    }

    private static final class Bounded<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> standard;
        private final ToIntFunction<T> year;

        Bounded(Class<T> type, JsonDeserializer<T> standard, ToIntFunction<T> year) {
            super(type);
            this.standard = standard;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            T value = standard.deserialize(parser, context);
            if (value != null) {
                int of = year.applyAsInt(value);
                if (of < 1 || of > 9999) {
                    return (T) context.handleWeirdStringValue(handledType(), text, REASON);
                }
            }
            return value;
        }
    }
}
