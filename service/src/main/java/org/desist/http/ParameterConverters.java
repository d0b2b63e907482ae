package org.desist.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.desist.json.ExpectedValue;

/**
 * Strict conversion of query and path parameters to enums and dates. A failure carries a reason
 * starting "must", which the problem mapper shows beside the parameter's name.
 */
@Provider
@Priority(Priorities.USER - 100)
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(rawType);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new DateConverter();
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E>>(Class<E> type) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(ExpectedValue.describe(type));
        }

        @Override
        public String toString(E value) {
            return value.name();
        }
    }

    private static final class DateConverter implements ParamConverter<LocalDate> {
        @Override
        public LocalDate fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(ExpectedValue.describe(LocalDate.class));
            }
        }

        @Override
        public String toString(LocalDate value) {
            return value.toString();
        }
    }
}
