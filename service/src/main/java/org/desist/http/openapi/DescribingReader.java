package org.desist.http.openapi;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;
import java.util.Set;

/**
 * Swagger's reader, then {@link ApiConventions}: what every operation shares (security, problem
 * responses, success statuses and headers) is added in one place rather than annotated on each method.
 * Named as the reader class in {@link ApiDescription}'s configuration.
 */
public class DescribingReader extends Reader {
    static {
        register(new NullableFields());
        register(new OneTypePerSchemaName());
    }

    /** Adds a converter to swagger's (one list for the JVM), once however many services a JVM starts. */
    static void register(ModelConverter converter) {
        ModelConverters converters = ModelConverters.getInstance();
        synchronized (DescribingReader.class) {
            if (converters.getConverters().stream().noneMatch(converter.getClass()::isInstance)) {
                converters.addConverter(converter);
            }
        }
    }

    @Override
    public OpenAPI read(Set<Class<?>> classes, Map<String, Object> resources) {
        OpenAPI api = super.read(classes, resources);
        ApiConventions.apply(api, classes);
        return api;
    }
}
