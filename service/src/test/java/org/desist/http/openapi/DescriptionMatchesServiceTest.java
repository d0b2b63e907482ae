package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.participant.Identity;
import org.desist.support.Api;
import org.desist.support.Disclosed;
import org.desist.support.Reply;
import org.desist.support.ServedDescription;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The description promises only what the service does: schemas a JSON Schema validator reads as meant,
 * every limit the server enforces published, every operation reachable with any Accept a problem-aware client
 * sends, and every example one the service accepts. (Every answer of the HTTP tests is also checked against
 * the description, by {@link org.desist.support.ServedDescription}.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DescriptionMatchesServiceTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    /** Examples that need nothing but each other: a site from its example, then a referral to it. */
    private static final List<String> CREATED_FROM_EXAMPLES = List.of("POST /sites", "POST /referrals");

    static JsonNode api;

    @BeforeAll
    static void read() {
        api = TestApp.anonymous(APP).get("/openapi.json").json();
    }

    @Test
    void a_oneOf_is_not_also_an_object() {
        List<String> both = new ArrayList<>();
        walk(api, "", (path, node) -> {
            if (node.has("oneOf") && node.path("type").asText().equals("object")) {
                both.add(path);
            }
        });
        assertThat(both)
                .as("schemas that are type: object beside oneOf (a number or string fails them)")
                .isEmpty();
    }

    @Test
    void the_summary_is_told_apart_by_its_audience() {
        JsonNode schema =
                api.at("/paths/~1participants~1{id}~1summary/get/responses/200/content/application~1json/schema");
        assertThat(schema.at("/discriminator/propertyName").asText()).isEqualTo("audience");
        assertThat(api.at("/components/schemas/ProbationSummary/properties/audience/enum")
                        .toString())
                .isEqualTo("[\"probation\"]");
        assertThat(api.at("/components/schemas/CpsSummary/properties/audience/enum")
                        .toString())
                .isEqualTo("[\"cps\"]");
    }

    @Test
    void a_nullable_enum_lists_null_and_participant_identifiers_are_nullable() {
        List<String> missing = new ArrayList<>();
        walk(api, "", (path, node) -> {
            if (node.path("nullable").asBoolean() && node.has("enum")) {
                List<JsonNode> values = new ArrayList<>();
                node.get("enum").forEach(values::add);
                if (values.stream().noneMatch(JsonNode::isNull)) {
                    missing.add(path);
                }
            }
        });
        assertThat(missing).as("nullable enums without null among their values").isEmpty();
        assertThat(api.at("/components/schemas/Participant/properties/pncId/nullable")
                        .asBoolean())
                .isTrue();
        assertThat(api.at("/components/schemas/Participant/properties/nhsNumber/nullable")
                        .asBoolean())
                .isTrue();
        // a record that may be absent: a reference OpenAPI 3.0 can make nullable, and nothing of the note left
        JsonNode conclusion = api.at("/components/schemas/CpsSummary/properties/riskConclusion");
        assertThat(conclusion.path("nullable").asBoolean()).as("%s", conclusion).isTrue();
        assertThat(conclusion.at("/allOf/0/$ref").asText()).isEqualTo("#/components/schemas/RiskConclusion");
        assertThat(api.toString()).doesNotContain(NullableFields.NULLABLE_REFS);
    }

    @Test
    void from_and_to_are_required_where_the_service_requires_them() {
        for (String path : List.of("/programme/comparison", "/programme/export")) {
            JsonNode parameters = api.at("/paths/" + path.replace("/", "~1") + "/get/parameters");
            List<String> required = new ArrayList<>();
            parameters.forEach(parameter -> {
                if (parameter.path("required").asBoolean()) {
                    required.add(parameter.get("name").asText());
                }
            });
            assertThat(required).as(path).contains("from", "to");
            // a CSV is a disclosure: its recipient and purpose are given, so that only from is missing
            Reply without = TestApp.api(APP).with("Accept", "text/csv").get(Disclosed.to(path + "?to=2026-12-31"));
            assertThat(without.status())
                    .as("%s without from: %s", path, without)
                    .isEqualTo(400);
            assertThat(without.fieldsAtFault()).as(path).containsExactly("from");
        }
    }

    @Test
    void every_operation_answers_a_client_that_accepts_only_problems() {
        Api client = caller("problem-reader").with("Accept", "application/problem+json");
        List<String> refused = new ArrayList<>();
        operations().forEach(op -> {
            String body = op.node().has("requestBody") ? "{}" : null;
            Reply reply = client.send(op.method(), concrete(op), body, Map.of());
            if (reply.status() == 406 || reply.status() == 415) {
                refused.add(op.name() + " " + reply.status());
            }
        });
        assertThat(refused)
                .as("operations refusing Accept: application/problem+json")
                .isEmpty();
    }

    @Test
    void every_pattern_is_anchored() {
        List<String> unanchored = new ArrayList<>();
        walk(api, "", (path, node) -> {
            JsonNode pattern = node.get("pattern");
            if (pattern != null
                    && pattern.isTextual()
                    && !(pattern.asText().startsWith("^") && pattern.asText().endsWith("$"))) {
                unanchored.add(path + " " + pattern.asText());
            }
        });
        assertThat(unanchored)
                .as("patterns a JSON Schema validator would match anywhere in the value")
                .isEmpty();
    }

    /** Each @Size, @Min, @Max and @Pattern on a request body's record, found in its schema. */
    @Test
    void every_limit_the_service_enforces_on_a_body_is_published() {
        List<String> unpublished = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        requestBodies().forEach((schemaName, type) -> {
            JsonNode properties = api.at("/components/schemas/" + schemaName + "/properties");
            for (RecordComponent component : type.getRecordComponents()) {
                JsonNode property = properties.path(component.getName());
                String where = schemaName + "." + component.getName();
                Size size = component.getAccessor().getAnnotation(Size.class);
                if (size == null) {
                    size = fieldAnnotation(type, component, Size.class);
                }
                Max max = fieldAnnotation(type, component, Max.class);
                Min min = fieldAnnotation(type, component, Min.class);
                jakarta.validation.constraints.Pattern pattern =
                        fieldAnnotation(type, component, jakarta.validation.constraints.Pattern.class);
                String limitKey = component.getType().isArray()
                                || java.util.Collection.class.isAssignableFrom(component.getType())
                        ? "maxItems"
                        : "maxLength";
                if (size != null && size.max() < Integer.MAX_VALUE) {
                    checked.add(where);
                    if (property.path(limitKey).asInt(-1) != size.max()) {
                        unpublished.add(where + " " + limitKey + " " + size.max());
                    }
                }
                if (max != null && property.path("maximum").asLong(Long.MIN_VALUE) != max.value()) {
                    unpublished.add(where + " maximum " + max.value());
                }
                if (min != null && property.path("minimum").asLong(Long.MIN_VALUE) != min.value()) {
                    unpublished.add(where + " minimum " + min.value());
                }
                if (pattern != null && !property.path("pattern").asText().contains(pattern.regexp())) {
                    unpublished.add(where + " pattern " + pattern.regexp());
                }
            }
        });
        assertThat(checked).as("the walk finds the request records").contains("NewReferral.referrer");
        assertThat(unpublished)
                .as("limits the service enforces that the description does not publish")
                .isEmpty();
    }

    /** The amending body is checked as the identity it changes: its limits are the identity's. */
    @Test
    void the_identity_patch_publishes_the_identitys_limits() {
        JsonNode patch = api.at("/paths/~1participants~1{id}/patch/requestBody/content/application~1json/schema");
        JsonNode properties = resolve(patch).path("properties");
        assertThat(properties.at("/givenName/maxLength").asInt()).isEqualTo(100);
        assertThat(properties.at("/familyName/maxLength").asInt()).isEqualTo(100);
        assertThat(properties.at("/pncId/pattern").asText())
                .contains(fieldAnnotation(
                                Identity.class,
                                component(Identity.class, "pncId"),
                                jakarta.validation.constraints.Pattern.class)
                        .regexp());
    }

    /**
     * What Swagger UI's "Try it out" sends — the body's example, or one built from the schema's examples —
     * is never refused for its own fields. A site from its example comes first, so the examples' site exists;
     * ids of records that do not exist answer 404, which is fine.
     */
    @Test
    void every_request_example_is_accepted() {
        Api client = caller("example-sender"); // the examples change passwords, their own included
        List<String> refused = new ArrayList<>();
        operations()
                .filter(op -> op.node().has("requestBody"))
                .sorted(Comparator.comparing(op -> CREATED_FROM_EXAMPLES.contains(op.name())
                        ? CREATED_FROM_EXAMPLES.indexOf(op.name())
                        : CREATED_FROM_EXAMPLES.size()))
                .forEach(op -> {
                    JsonNode example = exampleBody(op.node().get("requestBody"));
                    Map<String, String> headers =
                            op.node().toString().contains("\"If-Match\"") ? Map.of("If-Match", "\"1\"") : Map.of();
                    Reply reply = client.send(op.method(), concrete(op), example.toString(), headers);
                    boolean mustSucceed = CREATED_FROM_EXAMPLES.contains(op.name());
                    // a reference to a record that does not exist (an example id in the body) is not the example's
                    // fault
                    boolean refusedForItsFields = (reply.status() == 400 || reply.status() == 422)
                            && reply.fieldsAtFault().stream().anyMatch(field -> !field.endsWith("Id"));
                    if (refusedForItsFields || (mustSucceed && reply.status() / 100 != 2)) {
                        refused.add(op.name() + " " + reply + " for " + example);
                    }
                });
        assertThat(refused).as("examples the service refuses").isEmpty();
    }

    /** The check every HTTP test's answers pass through refuses what the description does not hold. */
    @Test
    void the_check_of_every_answer_refuses_an_undescribed_field_status_or_content_type() {
        String base = TestApp.anonymous(APP).base();
        java.net.http.HttpHeaders json = java.net.http.HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        byte[] page = "{\"items\":[],\"next\":null,\"sneaked\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ServedDescription.check("GET", base + "/sites", 200, json, page))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("sneaked");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ServedDescription.check("DELETE", base + "/tokens/x", 418, json, new byte[0]))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("418");
        java.net.http.HttpHeaders html =
                java.net.http.HttpHeaders.of(Map.of("Content-Type", List.of("text/html")), (name, value) -> true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServedDescription.check(
                        "GET", base + "/sites", 200, html, "<p>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("text/html");
    }

    // ------------------------------------------------------------------ helpers

    /** An account of its own for a test whose requests change accounts (a password, a token). */
    private static Api caller(String username) {
        Staff.ensure(APP, username, Set.of(Role.programme_lead, Role.clinician, Role.police), Set.of());
        return TestApp.as(APP, username);
    }

    record Op(String method, String path, JsonNode node) {
        String name() {
            return method + " " + path;
        }
    }

    private static java.util.stream.Stream<Op> operations() {
        List<Op> all = new ArrayList<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (Set.of("get", "put", "post", "patch", "delete").contains(operation.getKey())) {
                        all.add(new Op(
                                operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue()));
                    }
                }));
        return all.stream();
    }

    /** The path with each template filled from its parameter's example, or a well-formed id that does not exist. */
    private static String concrete(Op op) {
        String path = op.path();
        for (JsonNode parameter : op.node().path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                String value = parameter.has("example")
                        ? parameter.get("example").asText()
                        : "0b7c2f4e-5d1a-4f0e-9a57-3c8d2e1f6a90";
                path = path.replace("{" + parameter.get("name").asText() + "}", value);
            }
        }
        return path;
    }

    private static JsonNode exampleBody(JsonNode requestBody) {
        JsonNode media = requestBody.path("content").path("application/json");
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.has("examples")) {
            return media.get("examples").elements().next().get("value"); // the one Swagger UI shows first
        }
        return exampleOf(media.path("schema"));
    }

    /** As Swagger UI builds a sample: example, else default, else the first enum value, else by type. */
    private static JsonNode exampleOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example")) {
            return resolved.get("example");
        }
        if (resolved.has("default")) {
            return resolved.get("default");
        }
        if (resolved.has("enum")) {
            return resolved.get("enum").get(0);
        }
        if (resolved.has("allOf")) {
            return exampleOf(resolved.get("allOf").get(0));
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (resolved.path("type").asText("object")) {
            case "array" -> nodes.arrayNode().add(exampleOf(resolved.path("items")));
            case "string" -> nodes.textNode("string");
            case "integer", "number" -> nodes.numberNode(0);
            case "boolean" -> nodes.booleanNode(true);
            default -> {
                ObjectNode object = nodes.objectNode();
                resolved.path("properties").fields().forEachRemaining(property -> {
                    if (!property.getValue().path("readOnly").asBoolean()) {
                        object.set(property.getKey(), exampleOf(property.getValue()));
                    }
                });
                yield object;
            }
        };
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : api.at(ref.substring(1));
    }

    private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(path, node);
            node.fields().forEachRemaining(field -> walk(field.getValue(), path + "/" + field.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }

    /** Request body schema name → the record the server reads it into, for every entity parameter of the API. */
    private static Map<String, Class<?>> requestBodies() {
        Map<String, Class<?>> bodies = new java.util.TreeMap<>();
        Set<Class<?>> classes = new java.util.HashSet<>(
                APP.getEnvironment().jersey().getResourceConfig().getClasses());
        APP.getEnvironment()
                .jersey()
                .getResourceConfig()
                .getInstances()
                .forEach(instance -> classes.add(instance.getClass()));
        for (ResourceMethods.Endpoint endpoint : ResourceMethods.of(classes)) {
            JsonNode body =
                    api.at("/paths/" + endpoint.path().replace("~", "~0").replace("/", "~1") + "/"
                            + endpoint.httpMethod().toLowerCase(Locale.ROOT)
                            + "/requestBody/content/application~1json/schema/$ref");
            if (body.isMissingNode()) {
                continue;
            }
            for (Parameter parameter : endpoint.method().getParameters()) {
                boolean entity = java.util.Arrays.stream(parameter.getAnnotations())
                        .noneMatch(annotation -> annotation
                                        .annotationType()
                                        .getPackageName()
                                        .equals("jakarta.ws.rs")
                                || annotation.annotationType().getPackageName().equals("jakarta.ws.rs.core")
                                || annotation.annotationType().getName().startsWith("io.swagger"));
                if (entity && parameter.getType().isRecord()) {
                    bodies.put(body.asText().substring("#/components/schemas/".length()), parameter.getType());
                }
            }
        }
        return bodies;
    }

    private static RecordComponent component(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getRecordComponents())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** A constraint on a record component (Java puts it on the field, the accessor and the parameter alike). */
    private static <A extends java.lang.annotation.Annotation> A fieldAnnotation(
            Class<?> type, RecordComponent component, Class<A> annotation) {
        try {
            return type.getDeclaredField(component.getName()).getAnnotation(annotation);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
