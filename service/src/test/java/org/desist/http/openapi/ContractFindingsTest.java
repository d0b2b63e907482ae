package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.desist.config.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Portman contract run (clients/portman) found the service answer and the description not say: fields
 * that come back null (an enrolment not yet enrolled has no enrolledOn, a case with no session outcome no
 * attendance rate), and the export's 503 while no pseudonym key is configured.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContractFindingsTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void fields_that_answer_null_are_declared_nullable() {
        Reply reply = TestApp.anonymous(APP).get("/openapi.json");
        JsonNode schemas = reply.json().at("/components/schemas");
        assertThat(schemas.at("/Enrolment/properties/enrolledOn/nullable").asBoolean())
                .as("Enrolment.enrolledOn: null until the enrolment reaches enrolled")
                .isTrue();
        assertThat(schemas.at("/Attendance/properties/rate/nullable").asBoolean())
                .as("Attendance.rate: null while no session has an outcome")
                .isTrue();
    }

    @Test
    void the_export_documents_its_503_without_a_pseudonym_key() {
        Reply reply = TestApp.anonymous(APP).get("/openapi.json");
        JsonNode unavailable = reply.json().at("/paths/~1programme~1export/get/responses/503");
        assertThat(unavailable.isMissingNode())
                .as("GET /programme/export 503 is described")
                .isFalse();
        assertThat(unavailable
                        .at("/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
    }
}
