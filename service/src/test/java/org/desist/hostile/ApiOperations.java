package org.desist.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every operation of the API as the service describes itself at /api/openapi.json (which
 * ApiDescriptionTest holds equal to what Jersey serves): its method, path template, parameters and the
 * schema of its body, with the component schemas to look field types up in.
 */
record ApiOperations(List<Operation> all, JsonNode schemas) {

    /** One parameter: where it goes (path, query, header), its name and its schema. */
    record Param(String in, String name, JsonNode schema) {
        boolean isDate() {
            return "date".equals(schema.path("format").asText());
        }

        boolean isInteger() {
            return "integer".equals(schema.path("type").asText());
        }

        List<String> enumValues() {
            List<String> values = new ArrayList<>();
            JsonNode source = schema.has("items") ? schema.get("items") : schema;
            source.path("enum").forEach(value -> values.add(value.asText()));
            return values;
        }
    }

    /** One method at one path; {@code bodySchema} names the component its JSON body follows, if it takes one. */
    record Operation(String method, String template, List<Param> params, Optional<String> bodySchema) {
        String name() {
            return method + " " + template;
        }

        List<Param> in(String where) {
            return params.stream().filter(param -> param.in().equals(where)).toList();
        }

        boolean takesIfMatch() {
            return in("header").stream().anyMatch(param -> param.name().equalsIgnoreCase("If-Match"));
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static ApiOperations of(JsonNode description) {
        List<Operation> operations = new ArrayList<>();
        description.get("paths").fields().forEachRemaining(path -> path.getValue()
                .fields()
                .forEachRemaining(entry -> {
                    JsonNode operation = entry.getValue();
                    List<Param> params = new ArrayList<>();
                    operation
                            .path("parameters")
                            .forEach(param -> params.add(new Param(
                                    param.get("in").asText(), param.get("name").asText(), param.path("schema"))));
                    Optional<String> body = Optional.empty();
                    JsonNode ref = operation.at("/requestBody/content/application~1json/schema/$ref");
                    if (!ref.isMissingNode()) {
                        body = Optional.of(ref.asText().substring(ref.asText().lastIndexOf('/') + 1));
                    }
                    operations.add(new Operation(
                            entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params), body));
                }));
        return new ApiOperations(List.copyOf(operations), description.at("/components/schemas"));
    }

    /** The schema of a body field at a JSON path of names ({@code participant}, {@code dateOfBirth}), if described. */
    JsonNode fieldSchema(String component, List<String> path) {
        JsonNode schema = schemas.path(component);
        for (String name : path) {
            schema = resolve(schema);
            if (schema.has("items")) {
                schema = resolve(schema.get("items"));
            }
            schema = schema.path("properties").path(name);
        }
        return resolve(schema);
    }

    /** The top-level properties a body schema names. */
    List<String> properties(String component) {
        List<String> names = new ArrayList<>();
        schemas.path(component).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
