package org.desist.web.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The intake in a real Chromium: a police officer refers a case (and the same person again), a clinician takes
 * it through the daily review; what the pages did is checked through the API.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class IntakeJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    private static final String SITE = "INTK";
    private static final String FAR = "FARS";

    @BeforeAll
    static void staff() {
        new Cases(TestApp.api(APP)).site(SITE);
        new Cases(TestApp.api(APP)).site(FAR);
        Staff.ensure(APP, "pc.intake", Set.of(Role.police), Set.of(SITE));
        Staff.ensure(APP, "dr.review", Set.of(Role.clinician), Set.of(SITE));
        Staff.ensure(APP, "adv.intake", Set.of(Role.advocate), Set.of(SITE));
        Staff.ensure(APP, "dr.far", Set.of(Role.clinician), Set.of(FAR));
    }

    private static Api api() {
        return TestApp.api(APP);
    }

    private static int referralsAtSite() {
        return api().get("/referrals?siteCode=" + SITE + "&limit=500")
                .json()
                .get("items")
                .size();
    }

    @Test
    void a_police_officer_refers_a_case_and_the_same_nhs_number_again_goes_to_the_same_participant() {
        String nhsNumber = Cases.nextNhsNumber();
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("pc.intake", Staff.PASSWORD).click("Refer a case");
            assertThat(browser.heading()).isEqualTo("Refer a case");
            browser.accessible().screenshot("refer-a-case");

            int before = referralsAtSite();
            fillReferral(browser, "Marcus", "", nhsNumber);
            browser.press("Refer this case");
            assertThat(browser.errors()).containsExactly("Family name: must not be blank");
            browser.accessible();
            assertThat(referralsAtSite()).as("nothing saved").isEqualTo(before);

            browser.fill("participant.familyName", "Whitfield").press("Refer this case");
            assertThat(browser.heading()).isEqualTo("Referral received");
            String caseRef = browser.driver()
                    .findElement(By.cssSelector("[data-test=case-ref]"))
                    .getText();
            assertThat(caseRef).startsWith(SITE + "-");
            browser.accessible();
            JsonNode participant = onlyParticipantWith(nhsNumber);
            String participantId = participant.get("id").asText();
            assertThat(participant.get("caseRef").asText()).isEqualTo(caseRef);
            assertThat(browser.driver()
                            .findElement(By.linkText("Open the case " + caseRef))
                            .getAttribute("href"))
                    .endsWith("/cases/" + participantId);

            // the same person referred again, by NHS number, under another spelling of the name
            browser.click("Refer another case");
            fillReferral(browser, "Marc", "Whitfield", nhsNumber);
            browser.press("Refer this case");
            assertThat(browser.heading()).isEqualTo("Refer a case");
            String match = browser.driver()
                    .findElement(By.cssSelector("[data-test=identity-match]"))
                    .getText();
            assertThat(match).contains("This person is already known", "Marcus Whitfield", caseRef, "NHS number");
            assertThat(browser.errors()).containsExactly("NHS number: belongs to participant " + caseRef);
            browser.accessible().screenshot("refer-a-case-match");

            browser.navigating(browser.driver().findElement(By.cssSelector("[data-test=same-person]")));
            assertThat(browser.heading()).isEqualTo("Referral received");
            assertThat(browser.text()).contains(caseRef);
            browser.accessible();

            onlyParticipantWith(nhsNumber);
            JsonNode referrals = api().get("/referrals?siteCode=" + SITE + "&limit=500")
                    .json()
                    .get("items");
            long toHim = 0;
            for (JsonNode referral : referrals) {
                if (referral.get("participantId").asText().equals(participantId)) {
                    toHim++;
                }
            }
            assertThat(toHim).as("both referrals are of the one participant").isEqualTo(2);
            browser.signOut();
        }
    }

    @Test
    void a_possible_match_by_name_and_date_of_birth_is_a_different_person_only_with_a_reason() {
        Map<String, Object> known = Cases.referral(SITE, "2026-02-01", "Ellis", "Varga");
        JsonNode first = Cases.created(api().post("/referrals", known));
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("pc.intake", Staff.PASSWORD).go("/referrals/new");
            fillReferral(browser, "Ellis", "Varga", "");
            browser.press("Refer this case");
            assertThat(browser.text())
                    .contains(
                            "This person may already be known",
                            first.get("caseRef").asText());
            browser.accessible();

            int before = referralsAtSite();
            browser.choose("confirmedNewPerson", "true").press("Refer this case");
            assertThat(browser.errors())
                    .containsExactly(
                            "Why this is a different person: must say why this is not the person already known");
            browser.accessible();
            assertThat(referralsAtSite()).isEqualTo(before);

            browser.fill("confirmedNewPersonReason", "Police confirm a different PNC record")
                    .press("Refer this case");
            assertThat(browser.heading()).isEqualTo("Referral received");
            assertThat(browser.text()).doesNotContain(first.get("caseRef").asText());
            assertThat(referralsAtSite()).isEqualTo(before + 1);
        }
    }

    @Test
    void a_person_known_at_a_site_the_referrer_cannot_see_is_named_by_that_site_only() {
        Map<String, Object> elsewhere = Cases.referral(FAR, "2026-02-01", "Nadia", "Koval");
        String nhsNumber =
                ((Map<?, ?>) elsewhere.get("participant")).get("nhsNumber").toString();
        JsonNode known = Cases.created(api().post("/referrals", elsewhere));
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("pc.intake", Staff.PASSWORD).go("/referrals/new");
            int before = referralsAtSite();
            fillReferral(browser, "Nadia", "Koval", nhsNumber);
            browser.press("Refer this case");
            String match = browser.driver()
                    .findElement(By.cssSelector("[data-test=identity-match]"))
                    .getText();
            assertThat(match).contains("FARS site (FARS)", "which you cannot see", "participantId (a move of area)");
            assertThat(match).doesNotContain(known.get("caseRef").asText(), "1987-03-14");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=same-person]")))
                    .isEmpty();
            browser.accessible();
            assertThat(referralsAtSite()).isEqualTo(before);
        }
    }

    @Test
    void a_clinician_triages_the_referral_at_the_daily_review_and_a_second_review_is_refused() {
        JsonNode referral =
                Cases.created(api().post("/referrals", Cases.referral(SITE, "2026-01-20", "Owen", "Price")));
        String id = referral.get("id").asText();
        String caseRef = referral.get("caseRef").asText();
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("dr.review", Staff.PASSWORD).click("Daily review");
            assertThat(browser.heading()).isEqualTo("Daily review");
            assertThat(browser.text()).contains(caseRef, "2026-01-20", SITE, "Police");
            browser.accessible().screenshot("daily-review");

            browser.click("Review " + caseRef);
            assertThat(browser.heading()).isEqualTo("Referral " + caseRef);
            assertThat(browser.text()).contains("Is the victim very frightened?");
            browser.accessible().screenshot("daily-review-triage");

            for (int q = 1; q <= 11; q++) {
                browser.choose("screening.answers.q" + q, q <= 4 ? "true" : "false");
            }
            browser.choose("priority", "high").fill("reason", "Escalating fixation; victim fearful");
            browser.press("Record the review");
            assertThat(browser.errors()).containsExactly("Decision: must not be null");
            browser.accessible();
            assertThat(api().get("/referrals/" + id).json().get("status").asText())
                    .isEqualTo("awaiting_review");

            browser.choose("decision", "accept_for_intervention").press("Record the review");
            assertThat(browser.text())
                    .contains("Review recorded: Accept for intervention, high priority", "4 of 11 answered yes");
            browser.accessible();
            JsonNode reviewed = api().get("/referrals/" + id).json();
            assertThat(reviewed.get("status").asText()).isEqualTo("reviewed");
            assertThat(reviewed.get("decision").asText()).isEqualTo("accept_for_intervention");
            assertThat(reviewed.get("priority").asText()).isEqualTo("high");
            assertThat(reviewed.get("reviewedBy").asText()).isEqualTo("dr.review");
            assertThat(reviewed.get("screening").get("yesCount").asInt()).isEqualTo(4);

            browser.click("Back to the daily review");
            assertThat(browser.text()).doesNotContain(caseRef);
            browser.signOut();
        }

        // the same form sent again, as from a second tab: the API's 409 on the form, not a crash
        PageClient again = new PageClient(APP.getLocalPort()).signIn("dr.review", Staff.PASSWORD);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reviewedOn", "2026-01-21");
        form.put("priority", "standard");
        form.put("decision", "no_further_action");
        form.put("reason", "Second look");
        HttpResponse<String> answer = again.post("/review/" + id, again.withToken("/review/" + id, form));
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body())
                .contains("govuk-error-summary", "This referral has already been reviewed by dr.review on");
        assertThat(api().get("/referrals/" + id).json().get("decision").asText())
                .isEqualTo("accept_for_intervention");
    }

    @Test
    void a_review_someone_else_decided_meanwhile_shows_who_in_the_error_summary() {
        JsonNode referral = Cases.created(api().post("/referrals", Cases.referral(SITE, "2026-01-22", "Ruth", "Lane")));
        String id = referral.get("id").asText();
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("dr.review", Staff.PASSWORD).go("/review/" + id);
            new Cases(api()).review(id, "medium", "consultation_only");

            browser.choose("screening.instrument", "S-DASH"); // ticked on a new form: this unticks it
            browser.choose("priority", "high")
                    .choose("decision", "accept_for_intervention")
                    .fill("reason", "Seen today")
                    .press("Record the review");
            assertThat(browser.errors())
                    .singleElement()
                    .asString()
                    .startsWith("This referral has already been reviewed by tester on 2026-02-02");
            assertThat(browser.text()).contains("Consultation only");
            browser.accessible();
        }
    }

    @Test
    void a_reviewer_of_another_site_neither_sees_the_referral_in_the_queue_nor_opens_it() {
        JsonNode referral =
                Cases.created(api().post("/referrals", Cases.referral(SITE, "2026-01-24", "Tomas", "Reid")));
        String caseRef = referral.get("caseRef").asText();
        PageClient far = new PageClient(APP.getLocalPort()).signIn("dr.far", Staff.PASSWORD);
        HttpResponse<String> queue = far.get("/review");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(caseRef);
        HttpResponse<String> one = far.get("/review/" + referral.get("id").asText());
        assertThat(one.statusCode()).isEqualTo(404);
        assertThat(one.body()).doesNotContain(caseRef, "Reid");
    }

    @Test
    void an_advocate_may_refer_but_not_open_the_daily_review() {
        JsonNode referral =
                Cases.created(api().post("/referrals", Cases.referral(SITE, "2026-01-23", "Ivo", "Brandt")));
        String id = referral.get("id").asText();
        PageClient advocate = new PageClient(APP.getLocalPort()).signIn("adv.intake", Staff.PASSWORD);
        assertThat(advocate.get("/review").statusCode()).isEqualTo(403);
        HttpResponse<String> one = advocate.get("/review/" + id);
        assertThat(one.statusCode()).isEqualTo(403);
        assertThat(one.body()).doesNotContain(referral.get("caseRef").asText(), "Brandt");
        assertThat(advocate.get("/referrals/new").statusCode()).isEqualTo(200);
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("adv.intake", Staff.PASSWORD);
            assertThat(browser.text()).doesNotContain("Daily review");
            browser.go("/review");
            browser.accessible();
            assertThat(browser.text()).doesNotContain(referral.get("caseRef").asText());
        }
    }

    private static void fillReferral(Browser browser, String givenName, String familyName, String nhsNumber) {
        browser.fill("participant.givenName", givenName)
                .fill("participant.familyName", familyName)
                .fill("participant.dateOfBirth", "1987-03-14")
                .fill("participant.nhsNumber", nhsNumber)
                .fill("referrer", "DC 7781 Okafor, stalking unit")
                .fill("behaviour", "Messages every night and waiting outside the victim's work")
                .fill("victimRef", "VA-2026-0311")
                .fill("legalStatus", "Released under investigation");
    }

    private static JsonNode onlyParticipantWith(String nhsNumber) {
        JsonNode found = api().post("/participants/search", java.util.Map.of("nhsNumber", nhsNumber))
                .json()
                .get("items");
        assertThat(found).as("participants with NHS number " + nhsNumber).hasSize(1);
        return found.get(0);
    }
}
