package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.desist.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/access.md against the code: the "now" table names exactly the endpoints the resources expose,
 * and for each one exactly the roles AccessPolicy allows its @Requires action. No server needed.
 */
class AccessDocTest {
    static final AccessDoc DOC = AccessDoc.load();
    static final Map<String, ApiEndpoints.Endpoint> CODE = ApiEndpoints.all();

    @Test
    void every_resource_method_names_the_action_it_performs() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : ApiEndpoints.resourceClasses()) {
            if (!type.getName().startsWith("org.desist.")) {
                continue;
            }
            ApiEndpoints.resourceMethods(type).stream()
                    .filter(method -> method.getAnnotationsByType(Requires.class).length == 0)
                    .forEach(method -> missing.add(type.getSimpleName() + "." + method.getName()));
        }
        assertThat(missing)
                .as("resource methods without @Requires (AccessFeature refuses them to everybody)")
                .isEmpty();
        assertThat(CODE.values())
                .as("endpoints whose action could not be told")
                .allSatisfy(endpoint ->
                        assertThat(endpoint.action()).as(endpoint.name()).isPresent());
    }

    @Test
    void resources_have_no_sub_resource_locators_the_matrix_cannot_see_into() {
        assertThat(ApiEndpoints.resourceClasses().stream()
                        .flatMap(type -> ApiEndpoints.subResourceLocators(type).stream()))
                .isEmpty();
    }

    @Test
    void the_resource_scan_finds_the_service() {
        assertThat(ApiEndpoints.resourceClasses())
                .extracting(Class::getSimpleName)
                .contains(
                        "ParticipantResource",
                        "ReferralResource",
                        "EnrolmentResource",
                        "AuditResource",
                        "OpenApiResource");
        assertThat(CODE)
                .containsKeys(
                        "GET /api/participants/{id}",
                        "POST /api/enrolments/{id}/transitions",
                        "GET /api/openapi.json",
                        "GET /api/participants/{id}/subject-access");
    }

    @Test
    void the_matrix_lists_exactly_the_endpoints_the_service_exposes() {
        assertThat(new TreeSet<>(DOC.now().keySet()))
                .as("rows of '%s' in docs/access.md", AccessDoc.NOW_HEADING)
                .isEqualTo(new TreeSet<>(CODE.keySet()));
    }

    static Stream<String> documentedEndpoints() {
        return DOC.now().keySet().stream().filter(CODE::containsKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedEndpoints")
    void each_row_says_what_the_policy_allows(String endpoint) {
        Action action = CODE.get(endpoint).action().orElseThrow();
        Set<Role> policy = EnumSet.noneOf(Role.class);
        policy.addAll(AccessPolicy.rolesAllowed(action));
        assertThat(DOC.now().get(endpoint))
                .as("%s (%s): roles marked yes", endpoint, action)
                .isEqualTo(policy);
    }

    @Test
    void the_action_table_names_each_endpoints_action() {
        Map<Action, Set<String>> fromCode = new TreeMap<>();
        CODE.values().forEach(endpoint -> fromCode.computeIfAbsent(
                        endpoint.action().orElseThrow(), action -> new TreeSet<>())
                .add(endpoint.name()));
        Map<Action, Set<String>> fromDoc = new TreeMap<>();
        DOC.actions().forEach((action, endpoints) -> fromDoc.put(action, new TreeSet<>(endpoints)));
        assertThat(fromDoc).isEqualTo(fromCode);
    }

    @Test
    void every_screen_method_names_the_api_action_whose_rights_it_needs() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : ApiEndpoints.screenClasses()) {
            ApiEndpoints.resourceMethods(type).stream()
                    .filter(method -> method.getAnnotationsByType(Requires.class).length != 1)
                    .forEach(method -> missing.add(type.getSimpleName() + "." + method.getName()));
        }
        assertThat(ApiEndpoints.screenClasses())
                .extracting(Class::getSimpleName)
                .contains("SignInResource");
        assertThat(missing)
                .as("page methods without exactly one @Requires (AccessFeature refuses them to everybody)")
                .isEmpty();
    }

    @Test
    void every_action_is_performed_by_some_endpoint() {
        Set<Action> used = CODE.values().stream()
                .map(endpoint -> endpoint.action().orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Action.class)));
        // the screens' own: signing in and the home page
        ApiEndpoints.screenClasses().stream()
                .flatMap(type -> ApiEndpoints.resourceMethods(type).stream())
                .flatMap(method -> Stream.of(method.getAnnotationsByType(Requires.class)))
                .forEach(requires -> used.add(requires.value()));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(used)))
                .as("actions no endpoint requires")
                .isEmpty();
    }

    @Test
    void planned_endpoints_are_not_built_yet() {
        Set<String> plannedPaths = DOC.planned().stream()
                .map(endpoint -> endpoint.replaceAll("\\?.*$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> builtPaths = CODE.keySet().stream()
                .map(endpoint -> endpoint.replaceAll("\\?.*$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(plannedPaths)
                .as("built endpoints still in the planned table: move their rows to the matrix")
                .doesNotContainAnyElementsOf(builtPaths);
        assertThat(DOC.planned())
                .as("every endpoint the issues asked for is built")
                .isEmpty();
    }

    @Test
    void admin_reads_no_case_data_but_the_subject_access_export() {
        Set<String> adminRows = DOC.now().entrySet().stream()
                .filter(row -> row.getValue().contains(Role.admin))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> caseData = CODE.values().stream()
                .filter(endpoint -> endpoint.action().orElseThrow().isCaseData())
                .map(ApiEndpoints.Endpoint::name)
                .collect(Collectors.toSet());
        adminRows.retainAll(caseData);
        // and the merge of a person entered twice, which answers the survivor's identity and no clinical record
        assertThat(adminRows)
                .containsExactly("GET /api/participants/{id}/subject-access", "POST /api/participants/{id}/merge");
    }
}
