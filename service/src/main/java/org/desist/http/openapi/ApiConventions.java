package org.desist.http.openapi;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.http.Page;
import org.desist.http.openapi.ResourceMethods.Endpoint;

/**
 * What every operation of the API shares, added to the generated description in one place:
 * <ul>
 * <li>security: HTTP Basic or a Bearer token on everything but the description itself;</li>
 * <li>success: {@code 204} for a method without a body; {@code 200} with the return type's schema; and for
 * a JSON method answering a {@link Response} (which swagger cannot see into) the record of its list —
 * the item of the {@link Page} a {@code GET} lists at its path or just above its {@code /{rid}} — as
 * {@code 201} with {@code Location} when it is a {@code POST} to the list itself, else {@code 200}; with an
 * {@code ETag} under {@code /participants/{id}}, where records are versioned;</li>
 * <li>errors, as problem+json: 400 and 500 everywhere; 401, 403, 429 and 503 (the database out of reach)
 * wherever credentials are needed; 404 with a path parameter; 410 under {@code /participants/{id}} (a
 * participant merged into another); 413 and 422 with a body; 412 and 428 with If-Match; 409 on every change
 * to one record of a case (it may have been entered in error, or its state may forbid the step) and on every
 * change under {@code /participants/{id}} (processing of the case may be restricted). A method
 * names any other error it can give with {@code @ApiResponse}, and gets the problem content here.</li>
 * </ul>
 */
final class ApiConventions {
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    /** A change to one record of a case: {@code PATCH .../{rid}} or {@code POST .../{rid}/outcome} and the like. */
    /** A path to one record of a list, or to a step of it: the list's path, then {@code /{rid}[/step]}. */
    private static final Pattern ONE_RECORD = Pattern.compile("(.+)/\\{\\w+}(/[^/{}]+)?");

    private static final Pattern RECORD_CHANGE = Pattern.compile("/participants/\\{id}/.+/\\{rid}(/[^/{}]+)?");

    private ApiConventions() {}

    static void apply(OpenAPI api, Collection<Class<?>> classes) {
        Components components = Optional.ofNullable(api.getComponents()).orElseGet(Components::new);
        api.components(components);
        securitySchemes(api, components);
        ProblemResponses.register(components);

        List<Endpoint> endpoints = ResourceMethods.of(classes);
        Map<String, Type> collections = collections(endpoints);
        for (Endpoint endpoint : endpoints) {
            operation(api, endpoint).ifPresent(operation -> {
                boolean open = isPublic(endpoint);
                if (open) {
                    operation.setSecurity(List.of());
                }
                success(components, collections, endpoint, operation);
                errors(endpoint.httpMethod(), endpoint.path(), operation, open);
            });
        }
        mergePatchesRequireNothing(api);
        DescriptionItself.describe().forEach((path, item) -> {
            api.getPaths().addPathItem(path, item);
            boolean open = AccessPolicy.isPublic(Action.API_DESCRIPTION);
            errors("GET", path, item.getGet().security(open ? List.of() : null), open);
        });
        dropUnreferenced(api, "ObjectNode", "JsonNode");
        SchemaConventions.apply(api);
    }

    private static void securitySchemes(OpenAPI api, Components components) {
        components.addSecuritySchemes(
                BASIC,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("The username and password of an account made with `add-user`. Five failed logins"
                                + " for one username within 15 minutes lock it for 15 minutes (429)."));
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("opaque")
                        .description(
                                "A token from `POST /tokens` (asked for with Basic), valid for 8 hours unless the"
                                        + " service is configured otherwise; `DELETE /tokens/{id}` revokes it. Never in the address."));
        api.setSecurity(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    private static Optional<Operation> operation(OpenAPI api, Endpoint endpoint) {
        return Optional.ofNullable(api.getPaths())
                .map(paths -> paths.get(endpoint.path()))
                .map(item -> item.readOperationsMap().get(PathItem.HttpMethod.valueOf(endpoint.httpMethod())));
    }

    private static boolean isPublic(Endpoint endpoint) {
        Requires requires = endpoint.method().getAnnotation(Requires.class);
        return requires != null && AccessPolicy.isPublic(requires.value());
    }

    /** Path of each list → the type of its items: the {@code T} of a {@code GET} answering {@code Page<T>}. */
    private static Map<String, Type> collections(List<Endpoint> endpoints) {
        Map<String, Type> collections = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.httpMethod().equals("GET")
                    && endpoint.method().getGenericReturnType() instanceof ParameterizedType page
                    && page.getRawType() == Page.class) {
                collections.put(endpoint.path(), page.getActualTypeArguments()[0]);
            }
        }
        return collections;
    }

    private static void success(
            Components components, Map<String, Type> collections, Endpoint endpoint, Operation operation) {
        ApiResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
        operation.setResponses(responses);
        responses.remove("default");
        if (responses.keySet().stream().anyMatch(code -> code.startsWith("2"))) {
            Optional.ofNullable(responses.get("201")).ifPresent(ApiConventions::withLocation);
            return; // the method described its own success
        }
        Class<?> returned = endpoint.method().getReturnType();
        if (returned == void.class) {
            responses.addApiResponse("204", new ApiResponse().description("Done; no body"));
            return;
        }
        if (returned != Response.class) {
            responses.addApiResponse(
                    "200",
                    new ApiResponse()
                            .description("OK")
                            .content(json(schemaOf(components, endpoint.method().getGenericReturnType()))));
            return;
        }
        Optional<String> above = answersOnlyJson(endpoint)
                ? collectionAbove(collections, endpoint.httpMethod(), endpoint.path())
                : Optional.empty();
        if (above.isEmpty()) {
            // Not one of a collection's records (a PDF, a CSV, a report): the method must say what it answers
            // with @ApiResponse. Left without a success here, which ApiDescriptionTest reports by name.
            return;
        }
        String collection = above.get();
        ApiResponse response = new ApiResponse().content(json(schemaOf(components, collections.get(collection))));
        if (endpoint.path().startsWith("/participants/{id}")) {
            response.addHeaderObject(
                    "ETag",
                    new Header()
                            .description(
                                    "The record's version, to send back in"
                                            + " If-Match when changing it, as it came (a compressed answer carries it as \"1--gzip\")")
                            .schema(new StringSchema().example("\"1\"")));
        }
        if (endpoint.httpMethod().equals("POST") && endpoint.path().equals(collection)) {
            responses.addApiResponse("201", withLocation(response.description("Created")));
        } else {
            responses.addApiResponse("200", response.description("OK"));
        }
    }

    private static ApiResponse withLocation(ApiResponse created) {
        if (created.getHeaders() == null || !created.getHeaders().containsKey("Location")) {
            created.addHeaderObject(
                    "Location",
                    new Header()
                            .required(true)
                            .description("The address of what was created")
                            .schema(new StringSchema().format("uri")));
        }
        return created;
    }

    /**
     * The list this path is a record of: the path itself ({@code POST /sessions}), the list above
     * {@code /{rid}} ({@code GET} or {@code PATCH /sessions/{rid}}), or above a step of the record that
     * changes it ({@code POST /sessions/{rid}/outcome}). What a {@code GET} reads further below a record
     * ({@code /cohorts/{id}/report}) is something else, and so is anything deeper.
     */
    private static Optional<String> collectionAbove(Map<String, Type> collections, String httpMethod, String path) {
        if (collections.containsKey(path)) {
            return Optional.of(path);
        }
        java.util.regex.Matcher record = ONE_RECORD.matcher(path);
        if (!record.matches() || (record.group(2) != null && httpMethod.equals("GET"))) {
            return Optional.empty();
        }
        return collections.containsKey(record.group(1)) ? Optional.of(record.group(1)) : Optional.empty();
    }

    /** JSON and nothing else: a method that can also answer a PDF or CSV says what it answers itself. */
    private static boolean answersOnlyJson(Endpoint endpoint) {
        Produces produces = Optional.ofNullable(endpoint.method().getAnnotation(Produces.class))
                .orElse(endpoint.resource().getAnnotation(Produces.class));
        return produces == null
                || java.util.Arrays.stream(produces.value())
                        .allMatch(type -> type.equals(jakarta.ws.rs.core.MediaType.APPLICATION_JSON));
    }

    private static Schema<?> schemaOf(Components components, Type type) {
        ResolvedSchema resolved =
                ModelConverters.getInstance().resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, schema) -> {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                    components.addSchemas(name, schema);
                }
            });
        }
        return resolved.schema != null ? resolved.schema : new ObjectSchema();
    }

    private static Content json(Schema<?> schema) {
        return new Content()
                .addMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(schema));
    }

    static void errors(String httpMethod, String path, Operation operation, boolean open) {
        ApiResponses responses = operation.getResponses();
        // errors a method named itself (with its own meaning): problem+json, whatever swagger guessed
        responses.forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && response.get$ref() == null) {
                response.setContent(ProblemResponses.content());
            }
        });
        List<ProblemResponses> shared = new ArrayList<>(List.of(ProblemResponses.BAD_REQUEST));
        if (!open) {
            shared.addAll(List.of(
                    ProblemResponses.UNAUTHORIZED, ProblemResponses.FORBIDDEN, ProblemResponses.TOO_MANY_REQUESTS));
        }
        List<Parameter> parameters =
                Optional.ofNullable(operation.getParameters()).orElse(List.of());
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            shared.add(ProblemResponses.NOT_FOUND);
        }
        if (operation.getRequestBody() != null) {
            shared.addAll(List.of(ProblemResponses.CONTENT_TOO_LARGE, ProblemResponses.UNPROCESSABLE));
        }
        if (parameters.stream()
                .anyMatch(parameter ->
                        "header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName()))) {
            shared.addAll(List.of(ProblemResponses.PRECONDITION_FAILED, ProblemResponses.PRECONDITION_REQUIRED));
        }
        if (path.startsWith("/participants/{id}")) {
            shared.add(ProblemResponses.GONE); // a participant merged into another (ParticipantService.visible)
        }
        if (!httpMethod.equals("GET") && RECORD_CHANGE.matcher(path).matches()) {
            shared.add(ProblemResponses.CONFLICT);
        }
        if (!httpMethod.equals("GET") && path.startsWith("/participants/{id}")) {
            shared.add(ProblemResponses.CONFLICT); // processing of the case is restricted (ParticipantService.holdLive)
        }
        shared.add(ProblemResponses.SERVER_ERROR);
        if (!open) {
            shared.add(ProblemResponses.SERVICE_UNAVAILABLE); // what needs credentials reads the database
        }
        shared.forEach(problem -> responses.putIfAbsent(problem.code(), problem.ref()));
    }

    /**
     * A PATCH body is a JSON merge patch: only the fields to change. Its schema is the record's body
     * without {@code required} ({@code SessionBodyPatch} beside {@code SessionBody}), so a client is not
     * told to send what it does not change.
     */
    private static void mergePatchesRequireNothing(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        java.util.Set<String> replaced = new java.util.TreeSet<>();
        api.getPaths().values().stream()
                .map(PathItem::getPatch)
                .filter(java.util.Objects::nonNull)
                .map(Operation::getRequestBody)
                .filter(java.util.Objects::nonNull)
                .flatMap(body -> body.getContent().values().stream())
                .filter(media -> media.getSchema() != null && media.getSchema().get$ref() != null)
                .forEach(media -> {
                    String name = media.getSchema().get$ref().substring("#/components/schemas/".length());
                    Schema<?> whole = schemas.get(name);
                    if (whole == null
                            || whole.getRequired() == null
                            || whole.getRequired().isEmpty()) {
                        return;
                    }
                    String patchName = name + "Patch";
                    replaced.add(name);
                    schemas.computeIfAbsent(patchName, absent -> new ObjectSchema()
                            .description("A JSON merge patch (RFC 7396) of " + name + ": send only the fields to"
                                    + " change; null clears an optional one")
                            .properties(whole.getProperties()));
                    media.setSchema(new Schema<>().$ref("#/components/schemas/" + patchName));
                });
        dropUnreferenced(api, replaced.toArray(String[]::new)); // a body only PATCH used
    }

    /** Removes schemas nothing refers to (swagger leaves the JSON tree types of merge-patch parameters behind). */
    private static void dropUnreferenced(OpenAPI api, String... names) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        for (String name : names) {
            Schema<?> schema = api.getComponents().getSchemas().remove(name);
            if (schema != null && Json.pretty(api).contains("\"#/components/schemas/" + name + "\"")) {
                api.getComponents().getSchemas().put(name, schema);
            }
        }
    }
}
