package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Staff;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What was acknowledged before a stop is there after a start on the same database. */
@Tag("slow")
class RestartTest {

    @Test
    void data_survives_a_restart_on_the_same_database() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        String participantId;
        String enrolmentId;

        DropwizardTestSupport<DesistConfiguration> first = app(database);
        first.before();
        try {
            Staff.ensure(database, "tester", Set.of(Role.programme_lead, Role.clinician, Role.police), Set.of());
            Api api = new Api("http://localhost:" + first.getLocalPort() + "/api").withBasic("tester", Staff.PASSWORD);
            Cases cases = new Cases(api);
            cases.site("REST");
            String cohortId = cases.cohort("REST").get("id").asText();
            var enrolment = cases.enrolment("REST", cohortId);
            participantId = enrolment.get("participantId").asText();
            enrolmentId = enrolment.get("id").asText();
            cases.move(enrolmentId, "assessing", "2026-02-05");
        } finally {
            first.after();
        }

        DropwizardTestSupport<DesistConfiguration> second = app(database);
        second.before();
        try {
            Api api = new Api("http://localhost:" + second.getLocalPort() + "/api").withBasic("tester", Staff.PASSWORD);
            assertThat(Cases.ok(api.get("/participants/" + participantId))
                            .get("caseRef")
                            .asText())
                    .isEqualTo("REST-2026-0001");
            var enrolment = Cases.ok(api.get("/enrolments/" + enrolmentId));
            assertThat(enrolment.get("state").asText()).isEqualTo("assessing");
            assertThat(enrolment.get("history")).hasSize(2);
            // numbering carries on from the stored sequence, not from memory
            assertThat(new Cases(api)
                            .referral("REST", "2026-03-01")
                            .get("caseRef")
                            .asText())
                    .isEqualTo("REST-2026-0002");
        } finally {
            second.after();
        }
    }

    private static DropwizardTestSupport<DesistConfiguration> app(TestDatabase database) {
        return new DropwizardTestSupport<>(
                DesistApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), database.overrides());
    }
}
