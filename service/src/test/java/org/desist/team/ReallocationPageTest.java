package org.desist.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.probation;
import static org.desist.auth.Role.programme_lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulk reallocation form of a site, for the programme lead, over plain HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ReallocationPageTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "RPAG";
    static final String PAGE = "/sites/" + SITE + "/team-reallocations";

    static Api tester;
    static Cases cases;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        Staff.ensure(APP, "rp.leaving", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "rp.staying", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "rp.prob", Set.of(probation), Set.of(SITE));
        Staff.ensure(APP, "rp.lead", Set.of(programme_lead), Set.of(SITE));
    }

    static PageClient signedIn(String username) {
        return new PageClient(APP.getLocalPort()).signIn(username, Staff.PASSWORD);
    }

    static String keyWorkerOf(String id) {
        JsonNode current = Cases.ok(tester.get("/participants/" + id + "/team")).get("current");
        assertThat(current).hasSize(1);
        return current.get(0).get("username").asText();
    }

    @Test
    void theLeadMovesEveryCaseOfOneAccountAndIsToldHowManyMoved() {
        String first = cases.participant(SITE);
        String second = cases.participant(SITE);
        for (String id : new String[] {first, second}) {
            Cases.created(tester.post(
                    "/participants/" + id + "/team",
                    Map.of("username", "rp.leaving", "role", "key_worker", "from", "2026-02-03")));
        }
        PageClient lead = signedIn("rp.lead");
        assertThat(lead.get("/programme").body()).contains("href=\"" + PAGE + "\"");
        HttpResponse<String> form = lead.get(PAGE);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains(
                        "Move someone&#39;s cases",
                        "data-test=\"reallocate\"",
                        "<option value=\"rp.leaving\">",
                        "<option value=\"rp.staying\">",
                        "name=\"on\"");

        // refused: the probation officer cannot hold a key worker's part; the summary names the field, nothing moved
        HttpResponse<String> refused = lead.post(
                PAGE, lead.withToken(PAGE, Map.of("from", "rp.leaving", "to", "rp.prob", "on", "2026-03-01")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("There is a problem", "govuk-error-summary", "href=\"#f-to\"", "Who takes them over");
        assertThat(keyWorkerOf(first)).isEqualTo("rp.leaving");
        assertThat(keyWorkerOf(second)).isEqualTo("rp.leaving");

        HttpResponse<String> noDate =
                lead.post(PAGE, lead.withToken(PAGE, Map.of("from", "rp.leaving", "to", "rp.staying", "on", "")));
        assertThat(noDate.statusCode()).isEqualTo(422);
        assertThat(noDate.body()).contains("govuk-error-summary", "href=\"#f-on\"");
        assertThat(keyWorkerOf(first)).isEqualTo("rp.leaving");

        HttpResponse<String> done = lead.post(
                PAGE, lead.withToken(PAGE, Map.of("from", "rp.leaving", "to", "rp.staying", "on", "2026-03-01")));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body())
                .contains("data-test=\"reallocated\"", "2 allocations moved from rp.leaving to rp.staying");
        assertThat(keyWorkerOf(first)).isEqualTo("rp.staying");
        assertThat(keyWorkerOf(second)).isEqualTo("rp.staying");

        HttpResponse<String> noToken =
                lead.post(PAGE, Map.of("from", "rp.staying", "to", "rp.leaving", "on", "2026-04-01"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(keyWorkerOf(first)).isEqualTo("rp.staying");
    }

    @Test
    void othersAreRefusedAndAnotherSiteIsNotFound() {
        PageClient clinicianClient = signedIn("rp.staying");
        assertThat(clinicianClient.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(signedIn("rp.lead").get("/sites/NOSUCH/team-reallocations").statusCode())
                .isEqualTo(404);
    }
}
