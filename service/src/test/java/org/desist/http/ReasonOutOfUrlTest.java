package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.ConfigFiles;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Why a record changes is free text that names people: it travels in the Change-Reason header, never in the
 * address (ASVS V14.2.1). Every operation is found from the served API description, so a new one that takes a
 * reason is walked too, and one that took it in the query string would fail here.
 */
@Tag("slow")
@ExtendWith(DropwizardExtensionsSupport.class)
class ReasonOutOfUrlTest {
    // The switch in a configuration file of its own: a ConfigOverride is a JVM-wide system property, and with two
    // apps in a class its value leaked into later test classes (CasePagesTest then saw ?q= searched, not refused).
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            TestDatabase.fresh().overrides());
    static final DropwizardAppExtension<DesistConfiguration> OLD_CLIENTS = new DropwizardAppExtension<>(
            DesistApplication.class,
            ConfigFiles.derived("test-config.yml", Map.of("api", "api:\n  searchTermsInQuery: true")),
            TestDatabase.fresh().overrides());

    private static final String HEADER = "Change-Reason";
    private static final String REASON = "Zoë Quillfeather's mother rang: 100% sure of the date";

    @Test
    void no_operation_takes_a_reason_in_its_query_and_every_amendment_takes_the_header() {
        JsonNode paths = TestApp.anonymous(APP).get("/openapi.json").json().get("paths");
        Set<String> byHeader = new TreeSet<>();
        List<String> inQuery = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            for (JsonNode parameter : operation.getValue().path("parameters")) {
                if (parameter.path("in").asText().equals("query")
                        && parameter.path("name").asText().equals("reason")) {
                    inQuery.add(name);
                }
                if (parameter.path("in").asText().equals("header")
                        && parameter.path("name").asText().equals(HEADER)) {
                    assertThat(parameter.path("required").asBoolean()).as(name).isTrue();
                    byHeader.add(name);
                }
            }
        }));
        assertThat(inQuery).as("operations that take ?reason=").isEmpty();
        Set<String> amendments = new TreeSet<>();
        for (RecordKind kind : RecordKind.values()) {
            amendments.add("PATCH /participants/{id}/" + kind.path + "/{rid}");
        }
        // every operation that takes a reason is one walked below (a new one must be added to RecordKind)
        assertThat(byHeader).isEqualTo(amendments);
    }

    @Test
    void every_amendment_takes_the_reason_in_the_header_and_refuses_it_in_the_address_changing_nothing() {
        Staff.ensure(APP, "reason.all", Set.of(Role.values()), Set.of());
        Api api = TestApp.as(APP, "reason.all");
        Cases cases = new Cases(api);
        cases.site("ROUT");
        String participant = cases.participant("ROUT");
        for (RecordKind kind : RecordKind.values()) {
            String base = "/participants/" + participant + "/" + kind.path;
            String record = base + "/"
                    + Cases.created(api.post(base, kind.validBody("")))
                            .get("id")
                            .asText();
            Map<String, Object> patch = textPatch(kind);
            Reply before = api.get(record);

            Reply inAddress = api.patch(record + "?reason=Zo%C3%AB%20Quillfeather", patch, before.header("ETag"));
            assertThat(inAddress.status()).as(kind + ": " + inAddress).isEqualTo(400);
            assertThat(inAddress.contentType()).startsWith("application/problem+json");
            assertThat(inAddress.fieldsAtFault()).as(kind.name()).containsExactly("reason");
            assertThat(inAddress.json().get("detail").asText()).contains(HEADER);
            Reply badHeader = api.with(HEADER, "Zo%C3").patch(record, patch, before.header("ETag"));
            assertThat(badHeader.status()).as(kind + ": " + badHeader).isEqualTo(400);
            assertThat(badHeader.fieldsAtFault()).containsExactly(HEADER);
            Reply none = api.patch(record, patch, before.header("ETag"));
            assertThat(none.status()).as(kind + ": " + none).isEqualTo(422);
            assertThat(none.fieldsAtFault()).containsExactly("reason");
            Reply after = api.get(record);
            assertThat(after.header("ETag")).as(kind + " unchanged").isEqualTo(before.header("ETag"));
            assertThat(after.text()).isEqualTo(before.text());

            Reply amended = api.because(REASON).patch(record, patch, before.header("ETag"));
            assertThat(amended.status()).as(kind + ": " + amended).isEqualTo(200);
            JsonNode history = Cases.ok(api.get(record + "/history")).get("items");
            assertThat(history.get(history.size() - 1).get("reason").asText())
                    .as(kind.name())
                    .isEqualTo(REASON);
        }
    }

    @Test
    void with_the_deprecated_switch_on_the_address_still_works() {
        Staff.ensure(OLD_CLIENTS, "reason.old", Set.of(Role.values()), Set.of());
        Api api = TestApp.as(OLD_CLIENTS, "reason.old");
        Cases cases = new Cases(api);
        cases.site("ROLD");
        RecordKind kind = RecordKind.ASSESSMENTS;
        String base = "/participants/" + cases.participant("ROLD") + "/" + kind.path;
        String record = base + "/"
                + Cases.created(api.post(base, kind.validBody(""))).get("id").asText();
        Reply amended = api.patch(record + "?reason=Recoded%20at%20review", textPatch(kind), "\"1\"");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        JsonNode history = Cases.ok(api.get(record + "/history")).get("items");
        assertThat(history.get(history.size() - 1).get("reason").asText()).isEqualTo("Recoded at review");
    }

    /** The text fields of the kind's valid body, changed: a patch every kind accepts. */
    private static Map<String, Object> textPatch(RecordKind kind) {
        Map<String, Object> plain = kind.validBody("");
        Map<String, Object> changed = kind.validBody(" (amended)");
        Map<String, Object> patch = new LinkedHashMap<>();
        changed.forEach((field, value) -> {
            if (value instanceof String text && !text.equals(plain.get(field))) {
                patch.put(field, text);
            }
        });
        assertThat(patch).as(kind + " has a text field to amend").isNotEmpty();
        return patch;
    }
}
