package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.desist.config.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /api/openapi.json against the server that serves it: every resource method Jersey exposes is described
 * with the same path and method (and nothing else is), and every operation has what a REST client needs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiDescriptionTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final Pattern TEMPLATE_WITH_REGEX = Pattern.compile("\\{(\\w+)\\s*:\\s*([^}]*)}");
    static JsonNode api;

    @BeforeAll
    static void fetchWithoutCredentials() {
        Reply reply = TestApp.anonymous(APP).get("/openapi.json");
        assertThat(reply.status()).as("the description is public: %s", reply).isEqualTo(200);
        api = reply.json();
    }

    @Test
    void every_resource_method_the_server_exposes_is_described_and_nothing_else() {
        Set<String> served = servedByJersey();
        assertThat(served)
                .as("the walk of Jersey's model finds the service")
                .contains(
                        "GET /participants/{id}",
                        "POST /participants/{id}/sessions/{rid}/outcome",
                        "DELETE /tokens/{id}",
                        "GET /openapi.json",
                        "GET /openapi.yaml");
        assertThat(described()).isEqualTo(served);
    }

    @Test
    void security_schemes_basic_and_bearer_apply_to_everything_but_the_description() {
        JsonNode schemes = api.at("/components/securitySchemes");
        assertThat(schemes.at("/basicAuth/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(schemes.at("/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(api.get("security").toString()).isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
        List<String> open = new ArrayList<>();
        operations()
                .filter(op ->
                        op.node().has("security") && op.node().get("security").isEmpty())
                .forEach(op -> open.add(op.name()));
        assertThat(open).containsExactlyInAnyOrder("GET /openapi.json", "GET /openapi.yaml");
        assertThat(api.at("/paths/~1tokens/post/security").toString()).isEqualTo("[{\"basicAuth\":[]}]");
    }

    @Test
    void the_problem_shape_is_a_component_and_every_error_answer_uses_it() {
        JsonNode problem = api.at("/components/schemas/Problem/properties");
        assertThat(problem.fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "errors", "incidentId");
        assertThat(api.at("/components/schemas/FieldError/properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("field", "reason");
        List<String> wrong = new ArrayList<>();
        operations().forEach(op -> op.node().get("responses").fields().forEachRemaining(entry -> {
            if (!entry.getKey().matches("[45]\\d\\d")) {
                return;
            }
            JsonNode response = resolve(entry.getValue());
            JsonNode content = response.get("content");
            if (content == null
                    || content.size() != 1
                    || !content.at("/application~1problem+json/schema/$ref")
                            .asText()
                            .equals("#/components/schemas/Problem")) {
                wrong.add(op.name() + " " + entry.getKey());
            }
        }));
        assertThat(wrong)
                .as("error answers not described as application/problem+json Problem")
                .isEmpty();
    }

    @Test
    void every_operation_has_a_readable_unique_id_a_summary_a_success_and_its_errors() {
        Set<String> ids = new HashSet<>();
        operations().forEach(op -> {
            JsonNode node = op.node();
            String id = node.path("operationId").asText();
            assertThat(id).as("%s operationId", op.name()).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id))
                    .as("%s operationId %s is unique", op.name(), id)
                    .isTrue();
            assertThat(node.path("summary").asText())
                    .as("%s summary", op.name())
                    .isNotBlank();
            JsonNode responses = node.get("responses");
            assertThat(responses.has("default"))
                    .as("%s has no catch-all default", op.name())
                    .isFalse();
            List<String> codes = new ArrayList<>();
            responses.fieldNames().forEachRemaining(codes::add);
            assertThat(codes)
                    .as("%s responses", op.name())
                    .filteredOn(code -> code.startsWith("2"))
                    .hasSize(1);
            assertThat(codes).as("%s responses", op.name()).contains("400", "500");
            boolean open = node.has("security") && node.get("security").isEmpty();
            if (!open) {
                assertThat(codes).as("%s responses", op.name()).contains("401", "403");
            }
            if (op.path().contains("{")) {
                assertThat(codes).as("%s responses", op.name()).contains("404");
            }
            if (node.has("requestBody")) {
                assertThat(codes).as("%s responses", op.name()).contains("422");
            }
            String success = codes.stream()
                    .filter(code -> code.startsWith("2"))
                    .findFirst()
                    .orElseThrow();
            if (success.equals("204")) {
                assertThat(responses.get("204").has("content"))
                        .as("%s 204 has no body", op.name())
                        .isFalse();
            } else {
                assertThat(responses
                                .get(success)
                                .path("content")
                                .elements()
                                .next()
                                .has("schema"))
                        .as("%s %s has a schema", op.name(), success)
                        .isTrue();
            }
            if (success.equals("201")) {
                assertThat(responses.at("/201/headers/Location/required").asBoolean())
                        .as("%s 201 carries Location", op.name())
                        .isTrue();
            }
        });
    }

    /**
     * A body described as any media type makes a client built from the description send {@code Content-Type: *}{@code
     * /*}, which the service answers 415: Portman's contract tests found POST /tokens so (issue 16).
     */
    @Test
    void every_request_body_is_described_as_json() {
        List<String> unlike = new ArrayList<>();
        operations()
                .filter(op -> op.node().has("requestBody"))
                .forEach(op -> op.node().at("/requestBody/content").fieldNames().forEachRemaining(type -> {
                    if (!type.equals("application/json") && !type.equals("application/merge-patch+json")) {
                        unlike.add(op.name() + " " + type);
                    }
                }));
        assertThat(unlike).isEmpty();
        List<String> searchTerms = new ArrayList<>();
        api.at("/paths/~1participants/get/parameters")
                .forEach(p -> searchTerms.add(p.path("name").asText()));
        assertThat(searchTerms)
                .as("GET /participants' filters are query parameters, not a body; its identifying terms are neither")
                .contains("enrolmentState", "priority")
                .doesNotContain("q", "nhsNumber", "pncId", "dateOfBirth");
        List<String> bodyTerms = new ArrayList<>();
        api.at("/components/schemas/SearchTerms/properties").fieldNames().forEachRemaining(bodyTerms::add);
        assertThat(bodyTerms)
                .as("POST /participants/search takes the terms in its body")
                .contains("q", "nhsNumber", "pncId", "dateOfBirth", "enrolmentState", "priority", "limit", "offset");
    }

    @Test
    void creates_are_201_records_are_200_and_the_bodyless_are_204() {
        assertThat(successOf("POST /participants/{id}/sessions")).isEqualTo("201 Session");
        assertThat(successOf("POST /referrals")).isEqualTo("201 Referral");
        assertThat(successOf("POST /tokens")).isEqualTo("201 IssuedToken");
        assertThat(successOf("POST /participants/{id}/sessions/{rid}/outcome")).isEqualTo("200 Session");
        assertThat(successOf("PATCH /participants/{id}")).isEqualTo("200 Participant");
        assertThat(successOf("GET /participants/{id}/risk-plan/actions/{rid}")).isEqualTo("200 PlanAction");
        assertThat(successOf("GET /participants/{id}/progress")).isEqualTo("200 Progress");
        assertThat(successOf("GET /cohorts")).isEqualTo("200 PageCohort");
        assertThat(successOf("DELETE /tokens/{id}")).isEqualTo("204 -");
        assertThat(successOf("POST /users/{username}/password")).isEqualTo("200 TemporaryPassword");
        assertThat(successOf("POST /users")).isEqualTo("201 CreatedAccount");
        assertThat(successOf("POST /me/password")).isEqualTo("204 -");
        assertThat(api.at("/paths/~1participants~1{id}~1sessions~1{rid}/get/responses/200/headers/ETag")
                        .isObject())
                .isTrue();
    }

    @Test
    void request_schemas_carry_their_enums_constraints_and_examples() {
        JsonNode schemas = api.at("/components/schemas");
        assertThat(schemas.at("/NewSite/properties/model/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("threat_assessment_centre", "clinic_treatment", "multi_agency_panel");
        assertThat(schemas.at("/NewOutcome/properties/outcome/enum"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "attended", "late", "did_not_attend", "cancelled_by_service", "cancelled_by_participant");
        assertThat(schemas.at("/NewSession/properties/durationMinutes/minimum").asInt())
                .isEqualTo(1);
        assertThat(schemas.at("/NewSession/properties/durationMinutes/maximum").asInt())
                .isEqualTo(480);
        assertThat(schemas.at("/NewDesistanceReview/properties/fixation/maximum")
                        .asInt())
                .isEqualTo(10);
        assertThat(schemas.at("/NewReferral/properties/victimRef/pattern").asText())
                .isNotBlank();
        assertThat(schemas.at("/NewReferral/required"))
                .extracting(JsonNode::asText)
                .contains("siteCode", "victimRef");
        // a merge patch sends only what changes
        assertThat(api.at(
                                "/paths/~1participants~1{id}~1sessions~1{rid}/patch/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/SessionBodyPatch");
        assertThat(schemas.at("/SessionBodyPatch").has("required")).isFalse();

        List<String> withoutExample = new ArrayList<>();
        requestSchemas()
                .forEach(name -> schemas.get(name).path("properties").fields().forEachRemaining(property -> {
                    JsonNode value = property.getValue();
                    boolean selfExplaining = value.has("enum")
                            || value.has("$ref")
                            || value.path("type").asText().equals("boolean")
                            || value.path("items").has("$ref")
                            || value.path("readOnly").asBoolean();
                    if (!selfExplaining && !value.has("example")) {
                        withoutExample.add(name + "." + property.getKey());
                    }
                }));
        assertThat(withoutExample).as("request fields without an example").isEmpty();
    }

    @Test
    void every_list_says_how_to_page_and_every_dated_list_takes_from_and_to() {
        List<String> undated = new ArrayList<>();
        operations()
                .filter(op -> op.method().equals("GET"))
                .filter(op -> op.node()
                        .at("/responses/200/content/application~1json/schema/$ref")
                        .asText()
                        .startsWith("#/components/schemas/Page"))
                .forEach(op -> {
                    Set<String> parameters = new TreeSet<>();
                    op.node()
                            .path("parameters")
                            .forEach(parameter ->
                                    parameters.add(parameter.get("name").asText()));
                    assertThat(parameters).as(op.name()).contains("limit", "offset");
                    if (!parameters.containsAll(Set.of("from", "to"))) {
                        undated.add(op.name());
                    }
                });
        assertThat(undated)
                .as("lists without from/to: sites are not dated, accounts, tokens and sessions are not case data")
                .containsExactlyInAnyOrder(
                        "GET /sites",
                        "GET /users",
                        "GET /me/tokens",
                        "GET /users/{username}/tokens",
                        "GET /me/sessions");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Every document download takes its recipient and purpose as query parameters (issue 19), described as such: a
     * bean parameter whose fields the description cannot see is described as a request body of any type instead.
     */
    @Test
    void every_document_download_describes_its_recipient_and_purpose_as_query_parameters() {
        List<String> downloads = List.of(
                "GET /participants/{id}/reports/probation",
                "GET /participants/{id}/reports/cps",
                "GET /participants/{id}/subject-access",
                "GET /programme/report",
                "GET /programme/export",
                "GET /programme/comparison",
                "GET /cohorts/{id}/report",
                "GET /sites/{code}/review-agenda");
        Map<String, List<String>> described = new java.util.TreeMap<>();
        operations().filter(op -> downloads.contains(op.name())).forEach(op -> {
            List<String> names = new ArrayList<>();
            op.node().path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query")) {
                    names.add(p.path("name").asText());
                }
            });
            described.put(op.name(), names);
        });
        assertThat(described).containsOnlyKeys(downloads);
        described.forEach((name, names) -> assertThat(names).as(name).contains("recipient", "purpose"));
        assertThat(api.at("/paths/~1participants~1{id}~1reports~1probation/get/parameters"))
                .filteredOn(p -> p.path("in").asText().equals("query"))
                .allSatisfy(p -> assertThat(p.path("required").asBoolean())
                        .as(p.toString())
                        .isTrue());
    }

    record Op(String method, String path, JsonNode node) {
        String name() {
            return method + " " + path;
        }
    }

    private static Stream<Op> operations() {
        List<Op> all = new ArrayList<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (Set.of("get", "put", "post", "patch", "delete", "head", "options")
                            .contains(operation.getKey())) {
                        all.add(new Op(
                                operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), operation.getValue()));
                    }
                }));
        return all.stream();
    }

    private static Set<String> described() {
        Set<String> described = new TreeSet<>();
        operations().forEach(op -> described.add(op.name()));
        return described;
    }

    private static Set<String> requestSchemas() {
        Set<String> names = new TreeSet<>();
        operations().forEach(op -> op.node().path("requestBody").path("content").forEach(media -> {
            String ref = media.at("/schema/$ref").asText();
            if (!ref.isEmpty()) {
                names.add(ref.substring("#/components/schemas/".length()));
            }
        }));
        return names;
    }

    private static String successOf(String operation) {
        String[] parts = operation.split(" ");
        JsonNode responses = api.get("paths")
                .get(parts[1])
                .get(parts[0].toLowerCase(Locale.ROOT))
                .get("responses");
        for (String code : List.of("200", "201", "204")) {
            if (responses.has(code)) {
                String ref = responses
                        .get(code)
                        .at("/content/application~1json/schema/$ref")
                        .asText();
                return code + " " + (ref.isEmpty() ? "-" : ref.substring("#/components/schemas/".length()));
            }
        }
        return "none";
    }

    private static JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText();
        return ref.isEmpty() ? response : api.at(ref.substring(1));
    }

    /** "METHOD /path" for every resource method in Jersey's model of the registered resources. */
    private static Set<String> servedByJersey() {
        ResourceConfig config = APP.getEnvironment().jersey().getResourceConfig();
        List<Class<?>> classes = new ArrayList<>(config.getClasses());
        config.getInstances().forEach(instance -> classes.add(instance.getClass()));
        Set<String> served = new TreeSet<>();
        classes.stream()
                .filter(Resource::isAcceptable)
                .filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .map(Resource::from)
                .forEach(resource -> walk(resource, "", served));
        return served;
    }

    private static void walk(Resource resource, String parent, Set<String> served) {
        String path = join(parent, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            expand(path).forEach(concrete -> served.add(method.getHttpMethod() + " " + concrete));
        }
        resource.getChildResources().forEach(child -> walk(child, path, served));
    }

    private static String join(String parent, String path) {
        String joined = (parent + "/" + (path == null ? "" : path)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code /openapi.{type:json|yaml}} is two addresses; other templates lose their expressions. */
    private static List<String> expand(String path) {
        Matcher matcher = TEMPLATE_WITH_REGEX.matcher(path);
        if (!matcher.find()) {
            return List.of(path);
        }
        String before = path.substring(0, matcher.start());
        String after = path.substring(matcher.end());
        if (matcher.group(2).matches("[A-Za-z0-9._-]+(\\|[A-Za-z0-9._-]+)*")) {
            return Stream.of(matcher.group(2).split("\\|"))
                    .flatMap(choice -> expand(before + choice + after).stream())
                    .toList();
        }
        return expand(before + "{" + matcher.group(1) + "}" + after);
    }
}
