package org.desist.web.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.RecordKind;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/** "Your cases" and the case page, in Chromium and over plain HTTP, for the roles that read cases. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CasePagesTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final int CASES_PER_PAGE = 20;

    private static Api api;
    private static String cohortId;
    private static SeededCase quill;

    record SeededCase(String id, String caseRef) {}

    @BeforeAll
    static void seed() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        cases.site("STAC");
        cases.site("OTHR");
        cohortId = cases.cohort("STAC").get("id").asText();
        Staff.ensure(APP, "po.cases", Set.of(Role.probation), Set.of("STAC"));
        Staff.ensure(APP, "cps.cases", Set.of(Role.cps), Set.of("STAC"));
        Staff.ensure(APP, "adv.cases", Set.of(Role.advocate), Set.of("STAC"));
        Staff.ensure(APP, "po.other", Set.of(Role.probation), Set.of("OTHR"));
        Staff.ensure(APP, "admin.cases", Set.of(Role.admin), Set.of());
        quill = seedCase("Marta", "Quill");
    }

    /** A case referred, reviewed at high priority, enrolled, assessed, reviewed, with a measure, an action, a session. */
    static SeededCase seedCase(String given, String family) {
        Cases cases = new Cases(api);
        JsonNode referral = Cases.created(api.post("/referrals", Cases.referral("STAC", "2026-02-01", given, family)));
        String id = referral.get("participantId").asText();
        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
        JsonNode enrolment = Cases.created(
                api.post("/enrolments", Map.of("participantId", id, "cohortId", cohortId, "on", "2026-02-03")));
        cases.move(enrolment.get("id").asText(), "assessing", "2026-02-05");
        cases.move(enrolment.get("id").asText(), "enrolled", "2026-02-10");
        String base = "/participants/" + id + "/";
        Cases.created(api.post(base + "assessments", RecordKind.ASSESSMENTS.validBody("")));
        Map<String, Object> review = new LinkedHashMap<>(RecordKind.DESISTANCE_REVIEWS.validBody(""));
        review.put(
                "riskRatings",
                Map.of(
                        "violence",
                        "low",
                        "persistence",
                        "moderate",
                        "recurrence",
                        "moderate",
                        "psychosocial_damage",
                        "high"));
        Cases.created(api.post(base + "desistance-reviews", review));
        Cases.created(api.post(base + "legal-measures", RecordKind.LEGAL_MEASURES.validBody("")));
        Cases.created(api.post(base + "risk-plan/actions", RecordKind.PLAN_ACTIONS.validBody("")));
        Cases.created(api.post(base + "service-referrals", RecordKind.SERVICE_REFERRALS.validBody("")));
        JsonNode session = Cases.created(api.post(base + "sessions", RecordKind.SESSIONS.validBody("")));
        Cases.ok(api.post(
                base + "sessions/" + session.get("id").asText() + "/outcome",
                Map.of("outcome", "attended", "engagement", 4)));
        return new SeededCase(id, referral.get("caseRef").asText());
    }

    @Test
    void a_probation_officer_finds_the_case_reads_where_it_stands_and_downloads_its_summary() throws Exception {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.cases", Staff.PASSWORD);
            browser.click("Your cases");
            assertThat(browser.heading()).isEqualTo("Your cases");
            assertThat(browser.text()).contains("Marta Quill", quill.caseRef());
            browser.accessible().screenshot("cases-list");

            browser.fill("q", "quill marta").press("Search");
            // the search went in the form's body: neither the address nor the history holds the name
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("quill");
            assertThat(browser.text()).contains("Marta Quill");
            browser.accessible();

            browser.fill("q", quill.caseRef()).press("Search");
            assertThat(rows(browser)).containsExactly("Marta Quill");

            browser.fill("q", "nobody of that name").press("Search");
            assertThat(browser.text()).contains("No case at your sites matches your search.");
            browser.accessible();

            browser.fill("q", quill.caseRef()).press("Search");
            browser.click("Marta Quill");
            assertThat(browser.path()).isEqualTo("/cases/" + quill.id());
            assertThat(browser.heading()).isEqualTo("Marta Quill");
            String facts = browser.driver()
                    .findElement(By.cssSelector("[data-test=facts]"))
                    .getText();
            assertThat(facts).contains(quill.caseRef(), "14 Mar 1987", "STAC", "High", "Enrolled since 10 Feb 2026");
            String now = browser.driver()
                    .findElement(By.cssSelector("[data-test=now]"))
                    .getText();
            assertThat(now)
                    .contains("Overall risk: High")
                    .contains("Persistence Moderate High Lower than at the first assessment")
                    .contains("Violence Low Low Unchanged since the first assessment")
                    .contains("Stalking protection order 5 Feb 2026 No end date Not to contact the victim")
                    .contains("Serve the stalking protection order DC 4521 Patel Police 20 Mar 2026 Overdue")
                    .contains("Substance misuse 2 Mar 2026 Made")
                    .contains("Attendance rate 100%");
            assertThat(browser.text()).contains("Timeline", "Records", "Individual therapy: attended");
            assertThat(browser.driver().findElements(By.linkText("Record a protective measure")))
                    .hasSize(1);
            assertThat(browser.driver().findElements(By.linkText("Schedule a session")))
                    .isEmpty();
            browser.accessible().screenshot("case-page");

            var probationButton = browser.driver().findElement(By.cssSelector("[data-test=probation-pdf]"));
            assertThat(probationButton.getText()).isEqualTo("Download the probation case summary (PDF)");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=cps-pdf]")))
                    .isEmpty();
            browser.screenshot("case-page-probation-pdf-button");

            PageClient client = new PageClient(APP.getLocalPort()).withCookie(sessionCookie(browser));
            String href = probationButton
                    .getAttribute("href")
                    .substring(browser.base().length());
            // the button asks who the summary is for, then sends the form to the same address
            assertThat(client.get(href).body()).contains("data-test=\"disclosure-form\"", "Recipient&#39;s name");
            HttpResponse<byte[]> pdf = client.download(Disclosed.viaForm(href));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment; filename=\"" + quill.caseRef() + "-probation-summary-");
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                assertThat(new PDFTextStripper().getText(document))
                        .contains(quill.caseRef(), "Quill", Disclosed.line());
            }

            browser.signOut();
            assertThat(browser.text()).contains("You have signed out.");
        }
    }

    @Test
    void the_lists_filters_keep_to_where_the_case_stands_and_an_empty_result_says_so() {
        PageClient po = new PageClient(APP.getLocalPort()).signIn("po.cases", Staff.PASSWORD);
        assertThat(po.get("/cases?priority=high&enrolmentState=enrolled").body())
                .contains("Marta Quill");
        assertThat(po.get("/cases?priority=standard").body())
                .doesNotContain("Marta Quill")
                .contains("No case at your sites matches your search.");
        assertThat(po.get("/cases?enrolmentState=withdrawn").body()).doesNotContain("Marta Quill");
        // a name in the address is refused, not searched for: the form sends it in its body
        HttpResponse<String> inAddress = po.get("/cases?q=quill");
        assertThat(inAddress.statusCode()).isEqualTo(400);
        assertThat(inAddress.body()).doesNotContain("Marta Quill");
        HttpResponse<String> bad = po.get("/cases?priority=urgent");
        assertThat(bad.body()).contains("There is a problem", "Priority: must be standard, medium or high");
        assertThat(bad.body()).doesNotContain("Marta Quill");
    }

    @Test
    void the_api_filters_the_same_way() {
        Api probation = TestApp.as(APP, "po.cases");
        assertThat(Cases.ok(probation.post(
                                "/participants/search",
                                Map.of("priority", "high", "enrolmentState", "enrolled", "q", "quill")))
                        .get("items"))
                .hasSize(1);
        assertThat(Cases.ok(probation.post("/participants/search", Map.of("priority", "medium", "q", "quill")))
                        .get("items"))
                .isEmpty();
        assertThat(probation.get("/participants?enrolmentState=asleep").status())
                .isEqualTo(400);
        JsonNode enrolments = Cases.ok(probation.get("/enrolments?participantId=" + quill.id()))
                .get("items");
        assertThat(enrolments).hasSize(1);
        assertThat(enrolments.get(0).get("participantId").asText()).isEqualTo(quill.id());
        JsonNode referrals = Cases.ok(probation.get("/referrals?participantId=" + quill.id()))
                .get("items");
        assertThat(referrals).hasSize(1);
        assertThat(referrals.get(0).get("priority").asText()).isEqualTo("high");
    }

    @Test
    void the_list_goes_on_page_by_page_keeping_the_search() {
        for (int i = 0; i < CASES_PER_PAGE + 1; i++) {
            Cases.created(
                    api.post("/referrals", Cases.referral("STAC", "2026-03-01", "Zed", "Zulu" + (char) ('a' + i))));
        }
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.cases", Staff.PASSWORD).go("/cases");
            browser.fill("q", "zulu").press("Search");
            assertThat(rows(browser)).hasSize(CASES_PER_PAGE);
            assertThat(browser.driver().findElements(By.xpath("//button[starts-with(., 'Previous page')]")))
                    .isEmpty();
            // a typed search pages by the same form: no link, and no address, carries the name
            assertThat(browser.driver().findElements(By.cssSelector("a[href*=zulu], a[href*=Zulu]")))
                    .isEmpty();
            browser.press("Next page (page 2)");
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(rows(browser)).containsExactly("Zed Zulu" + (char) ('a' + CASES_PER_PAGE));
            assertThat(browser.driver().findElements(By.xpath("//button[starts-with(., 'Next page')]")))
                    .isEmpty();
            browser.accessible();
            browser.press("Previous page (page 1)");
            assertThat(browser.path()).isEqualTo("/cases");
            assertThat(rows(browser)).hasSize(CASES_PER_PAGE);
            assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("zulu");
        }
    }

    @Test
    void a_merged_case_says_where_it_went() {
        String survivor = new Cases(api).participant("STAC");
        String merged = new Cases(api).participant("STAC");
        Cases.ok(api.post(
                "/participants/" + merged + "/merge",
                Map.of("into", survivor, "reason", "Same person: date of birth and address confirmed")));
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.cases", Staff.PASSWORD).go("/cases/" + merged);
            assertThat(browser.heading()).isEqualTo("This case was merged");
            browser.accessible();
            browser.navigating(browser.driver().findElement(By.partialLinkText("Go to case")));
            assertThat(browser.path()).isEqualTo("/cases/" + survivor);
        }
        PageClient po = new PageClient(APP.getLocalPort()).signIn("po.cases", Staff.PASSWORD);
        assertThat(po.get("/cases/" + merged).statusCode()).isEqualTo(410);
    }

    @Test
    void the_cps_lawyer_gets_only_the_cps_summary_and_the_advocate_neither() throws Exception {
        PageClient cps = new PageClient(APP.getLocalPort()).signIn("cps.cases", Staff.PASSWORD);
        String page = cps.get("/cases/" + quill.id()).body();
        assertThat(page).contains("Marta Quill", "data-test=\"cps-pdf\"").doesNotContain("data-test=\"probation-pdf\"");
        assertThat(page).doesNotContain("Timeline", "Attendance rate", "Open risk plan actions");
        HttpResponse<byte[]> pdf = cps.download(Disclosed.viaForm("/cases/" + quill.id() + "/summary/cps.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(quill.caseRef());
        }
        // the case page's ledger lists it, and the next download's form starts from the last recipient
        assertThat(cps.get("/cases/" + quill.id()).body())
                .contains("data-test=\"disclosures\"", "Cps summary", "Jane Hill, HMPPS North West", Disclosed.PURPOSE);
        assertThat(cps.get("/cases/" + quill.id() + "/summary/cps.pdf").body())
                .contains("value=\"Jane Hill\"", "value=\"HMPPS North West\"");
        HttpResponse<String> blank =
                cps.get("/cases/" + quill.id() + "/summary/cps.pdf?recipientName=Jane&recipientOrganisation=&purpose=");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body())
                .contains(
                        "govuk-error-summary",
                        "href=\"#f-recipientOrganisation\"",
                        "Enter the recipient&#39;s organisation");
        assertThat(cps.download("/cases/" + quill.id() + "/summary/probation.pdf")
                        .statusCode())
                .isEqualTo(403);

        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("adv.cases", Staff.PASSWORD).go("/cases/" + quill.id());
            assertThat(browser.heading()).isEqualTo("Marta Quill");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test$=-pdf]")))
                    .isEmpty();
            assertThat(browser.text())
                    .contains("Record a victim-safety concern", "Stalking protection order", "DC 4521 Patel")
                    .doesNotContain("Attendance rate");
            browser.accessible().screenshot("advocate-case-page");
            browser.signOut();
        }
    }

    @Test
    void another_sites_officer_finds_no_such_case() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("po.other", Staff.PASSWORD).go("/cases");
            browser.fill("q", quill.caseRef()).press("Search");
            assertThat(browser.text()).contains("No case at your sites matches your search.");
            browser.go("/cases/" + quill.id());
            assertThat(browser.heading()).isEqualTo("Not Found");
            assertThat(browser.text()).doesNotContain("Quill", quill.caseRef());
            browser.accessible();
        }
        PageClient other = new PageClient(APP.getLocalPort()).signIn("po.other", Staff.PASSWORD);
        assertThat(other.get("/cases/" + quill.id()).statusCode()).isEqualTo(404);
        assertThat(other.get("/cases/no-such-case").statusCode()).isEqualTo(404);
        assertThat(other.download("/cases/" + quill.id() + "/summary/probation.pdf")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void opening_the_case_page_is_audited_as_the_api_reads_it_stands_for() {
        SeededCase onPage = seedCase("Ines", "Vardy");
        SeededCase onApi = seedCase("Ines", "Vardy");
        PageClient po = new PageClient(APP.getLocalPort()).signIn("po.cases", Staff.PASSWORD);
        assertThat(po.get("/cases/" + onPage.id()).statusCode()).isEqualTo(200);

        Api probation = TestApp.as(APP, "po.cases");
        String p = "/participants/" + onApi.id();
        for (String read : List.of(
                p,
                "/enrolments?participantId=" + onApi.id(),
                "/referrals?participantId=" + onApi.id(),
                p + "/progress",
                p + "/sessions",
                p + "/assessments",
                p + "/desistance-reviews",
                p + "/service-referrals",
                p + "/risk-plan/actions",
                p + "/legal-measures",
                p + "/victim-safety",
                p + "/incidents",
                p + "/timeline",
                // the page's Alerts, Team and Disclosures sections
                "/alerts?participantId=" + onApi.id(),
                p + "/team",
                p + "/disclosures")) {
            Cases.ok(probation.get(read));
        }
        assertThat(readsOf(onPage.id())).isNotEmpty().isEqualTo(readsOf(onApi.id()));
    }

    /** The probation officer's audit rows about the participant, counted by action and resource type. */
    private static Map<String, Integer> readsOf(String participantId) {
        Api admin = TestApp.as(APP, "admin.cases");
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode row : Cases.ok(admin.get("/audit?participantId=" + participantId + "&limit=500"))
                .get("items")) {
            if (row.get("username").asText().equals("po.cases")) {
                counts.merge(
                        row.get("action").asText() + " "
                                + row.get("resourceType").asText(),
                        1,
                        Integer::sum);
            }
        }
        return counts;
    }

    private static List<String> rows(Browser browser) {
        List<String> names = new ArrayList<>();
        browser.driver()
                .findElements(By.cssSelector("[data-test=cases] tbody tr td:first-child"))
                .forEach(cell -> names.add(cell.getText()));
        return names;
    }

    private static String sessionCookie(Browser browser) {
        Cookie cookie = browser.driver().manage().getCookies().stream()
                .filter(c -> c.getName().endsWith("desist-session"))
                .findFirst()
                .orElseThrow();
        return cookie.getName() + "=" + cookie.getValue();
    }
}
