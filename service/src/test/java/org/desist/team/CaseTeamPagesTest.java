package org.desist.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.probation;

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

/** The Team section of the case page with its forms, and the caseload first on the home page, over plain HTTP. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CaseTeamPagesTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "TPAG";

    static Api tester;
    static Cases cases;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        Staff.ensure(APP, "tp.clin", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "tp.prob", Set.of(probation), Set.of(SITE));
        Staff.ensure(APP, "tp.adv", Set.of(advocate), Set.of(SITE));
        Staff.ensure(APP, "tp.admin", Set.of(admin), Set.of());
    }

    static PageClient signedIn(String username) {
        return new PageClient(APP.getLocalPort()).signIn(username, Staff.PASSWORD);
    }

    @Test
    void aClinicianAllocatesAndEndsThroughTheCasePageAndTheHistoryIsKept() {
        JsonNode referral = cases.referral(SITE, "2026-02-01");
        String id = referral.get("participantId").asText();
        PageClient clinician = signedIn("tp.clin");
        String casePage = "/cases/" + id;
        HttpResponse<String> before = clinician.get(casePage);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body())
                .contains(
                        "data-test=\"team\"", "Nobody is allocated to this case.", "action=\"/cases/" + id + "/team\"");

        HttpResponse<String> allocated = clinician.post(
                "/cases/" + id + "/team",
                clinician.withToken(
                        casePage, Map.of("username", "tp.prob", "role", "responsible_officer", "from", "2026-02-03")));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(303);
        assertThat(allocated.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + id + "#team");
        String after = clinician.get(casePage).body();
        assertThat(after).contains("Responsible officer", "tp.prob", "3 Feb 2026");

        // refused: the team page shows the form again with the reason, and nothing changed
        HttpResponse<String> refused = clinician.post(
                "/cases/" + id + "/team",
                clinician.withToken(
                        casePage, Map.of("username", "tp.adv", "role", "key_worker", "from", "2026-02-03")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("There is a problem", "govuk-error-summary", "clinician", "value=\"tp.adv\"");
        assertThat(Cases.ok(tester.get("/participants/" + id + "/team")).get("current"))
                .hasSize(1);

        String allocationId = Cases.ok(tester.get("/participants/" + id + "/team"))
                .get("current")
                .get(0)
                .get("id")
                .asText();
        HttpResponse<String> tooEarly = clinician.post(
                "/cases/" + id + "/team/end",
                clinician.withToken(casePage, Map.of("allocationId", allocationId, "to", "2026-01-01")));
        assertThat(tooEarly.statusCode()).isEqualTo(422);
        assertThat(tooEarly.body()).contains("Last day", "must not be before the allocation began");
        HttpResponse<String> ended = clinician.post(
                "/cases/" + id + "/team/end",
                clinician.withToken(casePage, Map.of("allocationId", allocationId, "to", "2026-03-31")));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(303);
        String history = clinician.get(casePage).body();
        assertThat(history).contains("Nobody is allocated to this case.", "Earlier allocations", "31 Mar 2026");

        HttpResponse<String> noToken = clinician.post(
                "/cases/" + id + "/team",
                Map.of("username", "tp.prob", "role", "responsible_officer", "from", "2026-04-01"));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void anAdvocateReadsTheTeamButHasNoFormsAndIsRefusedTheChange() {
        String id = cases.participant(SITE);
        Cases.created(tester.post(
                "/participants/" + id + "/team",
                Map.of("username", "tp.clin", "role", "key_worker", "from", "2026-02-03")));
        PageClient advocateClient = signedIn("tp.adv");
        String page = advocateClient.get("/cases/" + id).body();
        assertThat(page).contains("data-test=\"team\"", "Key worker", "tp.clin");
        assertThat(page).doesNotContain("data-test=\"team-allocate\"", "data-test=\"team-end\"");
        HttpResponse<String> tries = advocateClient.post(
                "/cases/" + id + "/team",
                advocateClient.withToken(
                        "/cases/" + id, Map.of("username", "tp.adv", "role", "advocate", "from", "2026-02-03")));
        assertThat(tries.statusCode()).isEqualTo(403);
        assertThat(Cases.ok(tester.get("/participants/" + id + "/team")).get("current"))
                .hasSize(1);
    }

    @Test
    void theHomePageShowsTheCaseloadFirst() {
        String id = cases.participant(SITE);
        String caseRef =
                Cases.ok(tester.get("/participants/" + id)).get("caseRef").asText();
        Cases.created(tester.post(
                "/participants/" + id + "/team",
                Map.of("username", "tp.prob", "role", "responsible_officer", "from", "2026-02-03")));
        String home = signedIn("tp.prob").get("/").body();
        assertThat(home)
                .contains(
                        "Your caseload",
                        "data-test=\"caseload\"",
                        caseRef,
                        "Responsible officer",
                        "href=\"/cases/" + id + "\"");
        assertThat(home.indexOf("Your caseload")).isLessThan(home.indexOf(">Find a case<"));

        String empty = signedIn("tp.adv").get("/").body();
        assertThat(empty).contains("Your caseload").doesNotContain(caseRef);
        String adminHome = signedIn("tp.admin").get("/").body();
        assertThat(adminHome).doesNotContain("Your caseload", "Everything else").contains("What would you like to do?");
    }
}
