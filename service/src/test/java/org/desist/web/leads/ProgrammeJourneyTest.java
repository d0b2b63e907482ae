package org.desist.web.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.pdf.PdfText;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A programme lead's day: the sites and cohorts, opening a cohort, its figures and its report to download. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProgrammeJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String LEAD = "lead.pages";
    static String pilot;
    static String quiet;

    @BeforeAll
    static void programme() {
        Cases cases = new Cases(TestApp.api(APP));
        cases.site("LEAD");
        cases.site("LEADB");
        pilot = cases.cohort("LEAD").get("id").asText();
        quiet = cases.cohort("LEADB").get("id").asText();
        for (int i = 0; i < 2; i++) {
            String enrolment = cases.enrolment("LEAD", pilot).get("id").asText();
            cases.move(enrolment, "assessing", "2026-02-05");
            cases.move(enrolment, "enrolled", "2026-02-10");
        }
        Staff.ensure(APP, LEAD, Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "lead.b", Set.of(Role.programme_lead), Set.of("LEADB"));
        Staff.ensure(APP, "po.lead", Set.of(Role.probation), Set.of("LEAD"));
        Staff.ensure(APP, "admin.lead", Set.of(Role.admin), Set.of());
    }

    @Test
    void a_lead_sees_the_programme_opens_a_cohort_and_reads_its_figures() {
        Api api = TestApp.as(APP, LEAD);
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn(LEAD, Staff.PASSWORD).click("Programme");
            assertThat(browser.heading()).isEqualTo("Programme");
            assertThat(browser.text()).contains("LEAD site (LEAD)", "LEADB site (LEADB)");
            // each cohort links to its page, where its enrolled to date is (two: "<5", as the report's JSON has it)
            assertThat(cohortRow(browser, "LEAD pilot"))
                    .containsExactly("LEAD pilot", "2026-01-05", "2027-12-31", "20");
            assertThat(cohortRow(browser, "LEADB pilot"))
                    .containsExactly("LEADB pilot", "2026-01-05", "2027-12-31", "20");
            JsonNode report = Cases.ok(api.get("/cohorts/" + pilot + "/report"));
            assertThat(StreamSupport.stream(report.get("figures").spliterator(), false)
                            .filter(row -> row.get("figure").asText().equals("enrolled_to_date")
                                    && row.get("periodStart")
                                            .asText()
                                            .equals(report.get("from").asText())
                                    && row.get("periodEnd")
                                            .asText()
                                            .equals(report.get("to").asText()))
                            .map(row -> row.get("value").asText())
                            .toList())
                    .containsExactly("<5");
            browser.accessible(); // DashboardJourneyTest saves the screenshots of the dashboard

            int before = Cases.ok(api.get("/cohorts")).get("items").size();
            browser.press("Open a cohort");
            assertThat(browser.heading()).isEqualTo("Open a cohort");
            browser.accessible();
            browser.fill("siteCode", "LEADB")
                    .fill("startsOn", "2027-01-04")
                    .fill("endsOn", "2027-12-31")
                    .fill("target", "0")
                    .press("Open cohort");
            assertThat(browser.errors())
                    .containsExactlyInAnyOrder("Name: must not be blank", "Target: must be greater than or equal to 1");
            assertThat(browser.driver().getTitle()).startsWith("Error: Open a cohort");
            browser.accessible();
            assertThat(Cases.ok(api.get("/cohorts")).get("items").size()).isEqualTo(before);

            browser.fill("name", "LEADB second").fill("target", "12").press("Open cohort");
            assertThat(browser.path()).startsWith("/programme/cohorts/");
            assertThat(browser.heading()).isEqualTo("LEADB second");
            String opened = browser.path().substring("/programme/cohorts/".length());
            JsonNode cohort = Cases.ok(api.get("/cohorts/" + opened));
            assertThat(cohort.get("siteCode").asText()).isEqualTo("LEADB");
            assertThat(cohort.get("target").asInt()).isEqualTo(12);
            browser.accessible();

            browser.go("/programme/cohorts/" + pilot);
            assertThat(browser.heading()).isEqualTo("LEAD pilot");
            List<String> captions = browser.driver().findElements(By.tagName("caption")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(captions)
                    .contains("Referrals and the daily review", "Enrolment and exits", "Sessions and attendance");
            assertThat(browser.text()).contains("Enrolled to date The period <5", "Enrolment target The period 20");
            assertThat(browser.driver()
                            .findElement(By.linkText("Cohort report (PDF, OFFICIAL-SENSITIVE)"))
                            .getAttribute("href"))
                    .endsWith("/programme/cohorts/" + pilot + "/report.pdf?from=2026-01-05&to="
                            + java.time.LocalDate.now(org.desist.time.ProgrammeClock.ZONE));
            browser.accessible();
            browser.signOut();
        }
    }

    @Test
    void the_report_downloads_are_the_apis_and_audited_as_its_are() {
        PageClient lead = new PageClient(APP.getLocalPort()).signIn(LEAD, Staff.PASSWORD);
        Api api = TestApp.as(APP, LEAD);
        Api admin = TestApp.as(APP, "admin.lead");
        int exportsBefore = exports(admin);

        HttpResponse<byte[]> pdf = lead.download(Disclosed.viaForm("/programme/cohorts/" + pilot + "/report.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"lead-lead-pilot-report-");
        String text = PdfText.of(pdf.body()).text();
        assertThat(text).contains("Cohort report: LEAD pilot", "Small numbers are suppressed", Disclosed.line());
        assertThat(exports(admin)).isEqualTo(exportsBefore + 1);

        HttpResponse<byte[]> csv = lead.download(Disclosed.viaForm("/programme/cohorts/" + pilot + "/report.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"cohort-" + pilot + "-report.csv\"");
        String fromApi = api.with("Accept", "text/csv")
                .get(Disclosed.to("/cohorts/" + pilot + "/report"))
                .text();
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .isEqualTo(fromApi)
                .contains("enrolled_to_date");
    }

    @Test
    void other_roles_and_other_sites_see_nothing_of_it() {
        PageClient officer = new PageClient(APP.getLocalPort()).signIn("po.lead", Staff.PASSWORD);
        for (String path : List.of("/programme", "/programme/cohorts/new", "/programme/cohorts/" + pilot)) {
            HttpResponse<String> page = officer.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("LEAD pilot");
        }
        assertThat(officer.download("/programme/cohorts/" + pilot + "/report.pdf")
                        .statusCode())
                .isEqualTo(403);

        PageClient siteLead = new PageClient(APP.getLocalPort()).signIn("lead.b", Staff.PASSWORD);
        assertThat(TestApp.as(APP, "lead.b")
                        .get("/cohorts/" + pilot + "/report")
                        .status())
                .isEqualTo(404);
        HttpResponse<String> elsewhere = siteLead.get("/programme/cohorts/" + pilot);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain("LEAD pilot");
        assertThat(siteLead.download("/programme/cohorts/" + pilot + "/report.csv")
                        .statusCode())
                .isEqualTo(404);
        String programme = siteLead.get("/programme").body();
        assertThat(programme)
                .contains("LEADB pilot")
                .doesNotContain("LEAD pilot")
                .doesNotContain("LEAD site (LEAD)");
    }

    /** The cells of the cohort's row in the programme's tables. */
    private static List<String> cohortRow(Browser browser, String name) {
        WebElement row = browser.driver()
                .findElement(By.xpath("//tr[@data-test='cohort'][th/a[normalize-space()='" + name + "']]"));
        return row.findElements(By.xpath("./th|./td")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The lead's cohort report exports in the audit log. */
    private static int exports(Api admin) {
        JsonNode rows =
                Cases.ok(admin.get("/audit?username=" + LEAD + "&limit=500")).get("items");
        return (int) StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get("action").asText().equals("disclose")
                        && row.get("resourceType").asText().equals("cohort_report_pdf"))
                .count();
    }
}
