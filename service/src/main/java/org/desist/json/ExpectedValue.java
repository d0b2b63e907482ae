package org.desist.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Says in words what a field of a given Java type accepts, for error messages. */
public final class ExpectedValue {
    private ExpectedValue() {}

    public static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of: " + allowed(type);
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date (yyyy-mm-dd)";
        }
        if (type == Instant.class) {
            return "must be a UTC ISO-8601 instant (yyyy-mm-ddThh:mm:ssZ)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    /** The spellings a client may send: a constant's {@code @JsonProperty} name where it has one. */
    public static String allowed(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> wireName((Enum<?>) constant))
                .collect(Collectors.joining(", "));
    }

    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty property =
                    constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
