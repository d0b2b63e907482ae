package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import org.desist.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13 §1: one person, one record. A second referral of a person already known finds the first instead of
 * opening a second case; search finds the person by name, NHS number, PNC id and date of birth.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IdentityMatchTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;

    @BeforeAll
    static void sites() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("IDMA");
    }

    static Map<String, Object> referral(String site, Map<String, Object> participant) {
        Map<String, Object> body = new LinkedHashMap<>(Cases.referral(site, "2026-02-01", "x", "y"));
        body.put("participant", participant);
        return body;
    }

    static Map<String, Object> person(String given, String family, String dateOfBirth, String nhsNumber) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", given);
        person.put("familyName", family);
        person.put("dateOfBirth", dateOfBirth);
        person.put("nhsNumber", nhsNumber);
        return person;
    }

    @Test
    void a_second_referral_of_the_same_person_is_409_naming_the_first_not_a_second_case() {
        JsonNode first = Cases.created(api.post("/referrals",
                referral("IDMA", person("Marcus", "Webb", "1984-09-21", "401 023 2137"))));

        Reply again = api.post("/referrals", referral("IDMA", person("Marcus", "Webb", "1984-09-21", "4010232137")));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.fieldsAtFault()).containsExactly("participant.nhsNumber");
        JsonNode match = again.json().get("matches").get(0);
        assertThat(match.get("id").asText()).isEqualTo(first.get("participantId").asText());
        assertThat(match.get("caseRef").asText()).isEqualTo(first.get("caseRef").asText());
        assertThat(Cases.ok(api.get("/participants?q=webb")).get("items")).hasSize(1);
    }
}
