package org.desist.http.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What swagger writes as Java reads it, rewritten so a JSON Schema validator (a generated client, Portman,
 * the tests' own check of every answer) reads it the same way. Applied to every schema of the description,
 * so a new record inherits it:
 * <ul>
 * <li>a {@code pattern} is a search in JSON Schema but a whole-value match in Bean Validation: anchored;</li>
 * <li>{@code nullable} does not admit null past an {@code enum} that lacks it (OpenAPI 3.0.3 §4.7.24.1),
 * so a nullable enum lists null;</li>
 * <li>a record's property that may be null ({@link NullableFields} notes it on the record) is nullable;
 * {@code nullable} beside a {@code $ref} is ignored (a $ref's siblings are): the reference is wrapped in
 * {@code allOf} so the null is allowed;</li>
 * <li>a nullable {@code oneOf} passes its null to its first plain choice;</li>
 * <li>{@code type: object} beside {@code oneOf} (swagger's default for an Object property) would refuse the
 * number or string the choices allow: dropped;</li>
 * <li>a {@code oneOf} of records that each fix one property to one value of their own (the summary's
 * {@code audience}) gets that property as its discriminator.</li>
 * </ul>
 */
final class SchemaConventions {
    private static final String REF_PREFIX = "#/components/schemas/";

    private SchemaConventions() {}

    static void apply(OpenAPI api) {
        Map<String, Schema> components = Optional.ofNullable(api.getComponents())
                .map(c -> c.getSchemas())
                .orElse(Map.of());
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema<?>> rules = schema -> {
            anchor(schema);
            nullableEnum(schema);
            oneOfIsNotAnObject(schema);
            nullableOneOf(schema);
            discriminate(schema, components);
        };
        components.values().forEach(schema -> walk(schema, seen, rules));
        if (api.getPaths() != null) {
            for (PathItem item : api.getPaths().values()) {
                for (Operation operation : item.readOperations()) {
                    Optional.ofNullable(operation.getParameters())
                            .orElse(List.of())
                            .forEach(parameter -> walk(parameter.getSchema(), seen, rules));
                    Optional.ofNullable(operation.getRequestBody())
                            .map(body -> body.getContent())
                            .ifPresent(content -> walk(content, seen, rules));
                    Optional.ofNullable(operation.getResponses())
                            .ifPresent(responses ->
                                    responses.values().forEach(response -> walk(response.getContent(), seen, rules)));
                }
            }
        }
    }

    private static void walk(Content content, Set<Schema<?>> seen, Consumer<Schema<?>> rules) {
        if (content != null) {
            content.values().forEach(media -> walk(media.getSchema(), seen, rules));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void walk(Schema<?> schema, Set<Schema<?>> seen, Consumer<Schema<?>> rules) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        rules.accept(schema);
        if (schema.getExtensions() != null) {
            schema.getExtensions().keySet().removeIf(key -> {
                if (!key.startsWith(NullableFields.NULLABLE_REFS)) {
                    return false;
                }
                Optional.ofNullable(schema.getProperties())
                        .map(properties -> properties.get(key.substring(NullableFields.NULLABLE_REFS.length())))
                        .ifPresent(ref -> ref.setNullable(true));
                return true;
            });
            if (schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            properties.replaceAll((name, property) -> nullableRef(property));
            properties.values().forEach(property -> walk(property, seen, rules));
        }
        walk(schema.getItems(), seen, rules);
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            walk(additional, seen, rules);
        }
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                parts.forEach(part -> walk(part, seen, rules));
            }
        }
    }

    private static void anchor(Schema<?> schema) {
        String pattern = schema.getPattern();
        if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
        }
    }

    @SuppressWarnings("unchecked")
    private static void nullableEnum(Schema<?> schema) {
        if (Boolean.TRUE.equals(schema.getNullable())
                && schema.getEnum() != null
                && !schema.getEnum().contains(null)) {
            ((List<Object>) schema.getEnum()).add(null);
        }
    }

    /** A nullable reference, as OpenAPI 3.0 can say it: {@code allOf: [$ref]} beside {@code nullable: true}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullableRef(Schema property) {
        if (property.get$ref() == null || !Boolean.TRUE.equals(property.getNullable())) {
            return property;
        }
        ComposedSchema wrapped = new ComposedSchema();
        wrapped.addAllOfItem(new Schema<>().$ref(property.get$ref()));
        wrapped.setType("object"); // nullable needs a type beside it (OpenAPI 3.0.3)
        wrapped.setNullable(true);
        wrapped.setDescription(property.getDescription());
        return wrapped;
    }

    private static void oneOfIsNotAnObject(Schema<?> schema) {
        if (schema.getOneOf() != null && "object".equals(schema.getType()) && schema.getProperties() == null) {
            schema.setType(null);
            schema.setTypes(null);
        }
    }

    /**
     * null matches no choice of a oneOf whatever the oneOf's own nullable says (it has no type for it to
     * widen): the first choice that is no reference takes the null instead, so null matches exactly one.
     */
    private static void nullableOneOf(Schema<?> schema) {
        if (schema.getOneOf() == null || !Boolean.TRUE.equals(schema.getNullable())) {
            return;
        }
        schema.getOneOf().stream()
                .filter(choice -> choice.get$ref() == null)
                .findFirst()
                .ifPresent(choice -> {
                    choice.setNullable(true);
                    schema.setNullable(null);
                });
    }

    @SuppressWarnings("rawtypes")
    private static void discriminate(Schema<?> schema, Map<String, Schema> components) {
        if (schema.getOneOf() == null
                || schema.getDiscriminator() != null
                || schema.getOneOf().stream().anyMatch(choice -> choice.get$ref() == null)) {
            return;
        }
        List<Schema> choices = schema.getOneOf();
        Schema first = components.get(name(choices.get(0)));
        if (first == null || first.getProperties() == null) {
            return;
        }
        for (Object property : first.getProperties().keySet()) {
            Map<String, String> mapping = new LinkedHashMap<>();
            for (Schema choice : choices) {
                Optional.ofNullable(components.get(name(choice)))
                        .map(Schema::getProperties)
                        .map(properties -> (Schema) properties.get(property))
                        .map(value -> value.getEnum() == null
                                ? List.of()
                                : value.getEnum().stream()
                                        .filter(Objects::nonNull)
                                        .toList())
                        .filter(values -> values.size() == 1)
                        .ifPresent(values -> mapping.put(values.get(0).toString(), choice.get$ref()));
            }
            if (mapping.size() == choices.size()) {
                schema.setDiscriminator(
                        new Discriminator().propertyName((String) property).mapping(mapping));
                return;
            }
        }
    }

    private static String name(Schema<?> reference) {
        return reference.get$ref().substring(REF_PREFIX.length());
    }
}
