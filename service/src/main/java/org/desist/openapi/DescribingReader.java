package org.desist.openapi;

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
        NullableFields.register();
        OneTypePerSchemaName.register();
    }

    @Override
    public OpenAPI read(Set<Class<?>> classes, Map<String, Object> resources) {
        OpenAPI api = super.read(classes, resources);
        ApiConventions.apply(api, classes);
        return api;
    }
}
