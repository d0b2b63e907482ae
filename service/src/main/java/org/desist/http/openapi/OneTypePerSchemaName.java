package org.desist.http.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swagger names a model after its class's simple name, and two classes of one name (a summary's
 * {@code Concern} and the progress figures' {@code Concern}) silently share one schema: one of the responses
 * is then described wrongly. Building the description fails instead, naming both, so the second is given a
 * name of its own ({@code @Schema(name = ...)}).
 */
final class OneTypePerSchemaName implements ModelConverter {
    private static final Map<String, Class<?>> NAMED = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        Class<?> described = Json.mapper().constructType(type.getType()).getRawClass();
        // a model seen before comes back as a reference to it, by name: a second class of that name among them
        String name = schema == null
                ? null
                : schema.getName() != null
                        ? schema.getName()
                        : schema.get$ref() == null
                                ? null
                                : schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        // Desist's own models only: a property's schema may carry the property's name, and enums are written inline
        if (name != null && described.getName().startsWith("org.desist.") && !described.isEnum()) {
            Class<?> first = NAMED.putIfAbsent(name, described);
            if (first != null && !first.equals(described)) {
                throw new IllegalStateException("Two types would be described as one schema, " + name
                        + ": " + first.getName() + " and " + described.getName() + "; give one its own"
                        + " @Schema(name = ...)");
            }
        }
        return schema;
    }
}
