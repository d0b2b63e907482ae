package org.desist.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.desist.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fields the Portman contract run (clients/portman) saw come back null where the description promised a value:
 * an enrolment not yet enrolled has no enrolledOn, and a case with no session outcome has no attendance rate.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ContractNullsTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    @Test
    void fields_that_answer_null_are_declared_nullable() {
        Reply reply = TestApp.anonymous(APP).get("/openapi.json");
        JsonNode schemas = reply.json().at("/components/schemas");
        assertThat(schemas.at("/Enrolment/properties/enrolledOn/nullable").asBoolean())
                .as("Enrolment.enrolledOn: null until the enrolment reaches enrolled").isTrue();
        assertThat(schemas.at("/Attendance/properties/rate/nullable").asBoolean())
                .as("Attendance.rate: null while no session has an outcome").isTrue();
    }
}
