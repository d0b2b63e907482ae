package org.desist.http.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The service writes null for a field without a value (Jackson's default, kept on purpose: a client sees
 * every field), and reads null as absent. So every field that can hold null is described as nullable: a
 * field of a reference type that nothing requires. Primitives cannot be null; lists and maps are always
 * written (empty when there is nothing); a field required by {@code @NotNull}, {@code @NotBlank},
 * {@code @NotEmpty} or {@code @Schema(requiredMode = REQUIRED)} is never null.
 */
final class NullableFields implements ModelConverter {
    /** Marks a record's property that refers to another record and may be null; SchemaConventions says so. */
    static final String NULLABLE_REFS = "x-nullable-ref-";

    private static final Set<String> NEVER_NULL = Set.of("NotNull", "NotBlank", "NotEmpty");

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        if (schema == null || !type.isSchemaProperty() || type.getPropertyName() == null || !mayBeNull(type)) {
            return schema;
        }
        if (schema.get$ref() != null || !"object".equals(schema.getType())) {
            schema.setNullable(true);
        } else if (schema.getName() != null && type.getParent() != null) {
            // a record: swagger refers to its shared model after this, so the parent notes the null instead
            type.getParent().addExtension(NULLABLE_REFS + type.getPropertyName(), true);
        }
        return schema;
    }

    private static boolean mayBeNull(AnnotatedType type) {
        JavaType java = Json.mapper().constructType(type.getType());
        if (java.isPrimitive()
                || java.isContainerType()
                || java.isArrayType()
                || Collection.class.isAssignableFrom(java.getRawClass())
                || Map.class.isAssignableFrom(java.getRawClass())) {
            return false;
        }
        Annotation[] annotations = type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations();
        return Arrays.stream(annotations).noneMatch(NullableFields::requires);
    }

    private static boolean requires(Annotation annotation) {
        if (NEVER_NULL.contains(annotation.annotationType().getSimpleName())) {
            return true;
        }
        return annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                && (schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED
                        || schema.required());
    }
}
