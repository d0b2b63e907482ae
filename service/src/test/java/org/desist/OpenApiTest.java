package org.desist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.desist.config.DesistConfiguration;
import org.desist.support.Cases;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void describes_the_foundation_api_with_its_enums() {
        JsonNode api = Cases.ok(TestApp.api(APP).get("/openapi.json"));
        assertThat(api.get("openapi").asText()).startsWith("3.");
        assertThat(api.get("servers").get(0).get("url").asText()).isEqualTo("/api");
        JsonNode paths = api.get("paths");
        assertThat(paths.fieldNames())
                .toIterable()
                .contains(
                        "/sites",
                        "/sites/{code}",
                        "/cohorts",
                        "/cohorts/{id}",
                        "/referrals",
                        "/referrals/{id}",
                        "/referrals/{id}/review",
                        "/participants",
                        "/participants/{id}",
                        "/enrolments",
                        "/enrolments/{id}",
                        "/enrolments/{id}/transitions",
                        "/reference/reason-codes");
        assertThat(paths.get("/participants/{id}").has("patch")).isTrue();
        JsonNode schemas = api.get("components").get("schemas");
        assertThat(schemas.get("NewSite").get("properties").get("model").get("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("threat_assessment_centre", "clinic_treatment", "multi_agency_panel");
        assertThat(schemas.get("Transition").get("properties").get("to").get("enum"))
                .hasSize(9);
        assertThat(schemas.get("Paging")).isNull();
    }
}
