package org.desist.web.leads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
import org.desist.support.Disclosed;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The programme lead's dashboard in a browser: three sites (one per model) side by side and a cohort over time, each
 * chart's table checked cell by cell against the JSON the API publishes, a cohort of three suppressed as the JSON
 * suppresses it and shown as it is when the lead asks (audited), axe on both pages, and 403 pages for other roles.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DashboardJourneyTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String LEAD = "lead.dashboard";
    static final String FROM = "2026-01-05";
    static String centre;
    static String clinic;
    static String panel;

    @BeforeAll
    static void programme() {
        Api admin = TestApp.api(APP);
        Cases cases = new Cases(admin);
        centre = site(admin, "DASHA", "threat_assessment_centre", 20);
        clinic = site(admin, "DASHB", "clinic_treatment", 15);
        panel = site(admin, "DASHC", "multi_agency_panel", 10);
        for (int i = 0; i < 7; i++) {
            String enrolment = enrolled(cases, "DASHA", centre);
            if (i == 0) {
                cases.move(enrolment, "completed", "2026-06-01");
            } else if (i == 1) {
                cases.move(enrolment, "withdrawn", "2026-05-01");
            }
        }
        for (int i = 0; i < 5; i++) {
            enrolled(cases, "DASHB", clinic);
        }
        cases.move(cases.enrolment("DASHB", clinic).get("id").asText(), "assessing", "2026-02-06");
        for (int i = 0; i < 3; i++) {
            enrolled(cases, "DASHC", panel);
        }
        Staff.ensure(APP, LEAD, Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "po.dashboard", Set.of(Role.probation), Set.of("DASHA"));
        Staff.ensure(APP, "doc.dashboard", Set.of(Role.clinician), Set.of("DASHA"));
        Staff.ensure(APP, "admin.dashboard", Set.of(Role.admin), Set.of());
    }

    @Test
    void the_programme_pages_tables_are_the_jsons_figures_and_a_cohort_of_three_is_suppressed() throws Exception {
        Api api = TestApp.as(APP, LEAD);
        Api admin = TestApp.as(APP, "admin.dashboard");
        String today = LocalDate.now(ProgrammeClock.ZONE).toString();
        String query = "from=" + FROM + "&to=" + today + "&scope=period";
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn(LEAD, Staff.PASSWORD).click("Programme");
            assertThat(browser.heading()).isEqualTo("Programme");
            // by default, the cohorts running today: from the earliest start of them to today
            assertThat(browser.driver().findElement(By.id("f-from")).getAttribute("value"))
                    .isEqualTo(FROM);
            assertThat(browser.driver().findElement(By.id("f-to")).getAttribute("value"))
                    .isEqualTo(today);
            JsonNode comparison = Cases.ok(api.get("/programme/comparison?" + query));
            assertThat(chartIds(browser))
                    .contains("enrolled", "attendance", "risk-violence", "incidents", "reoffending");
            int checked = checkTables(browser, comparison.get("figures"));
            assertThat(checked).isGreaterThan(60);
            assertThat(cell(browser, "sites-today", "enrolled_to_date", "", "DASHA"))
                    .isEqualTo("7");
            assertThat(cell(browser, "table-enrolled", "enrolled_to_date", "", "DASHB"))
                    .isEqualTo("5");
            // the cohort of three: "<5" in the table and a bar labelled "<5", as the JSON publishes it
            assertThat(cell(browser, "table-enrolled", "enrolled_to_date", "", "DASHC"))
                    .isEqualTo("<5");
            assertThat(cell(browser, "table-enrolled", "enrolment_target", "", "DASHC"))
                    .isEqualTo("10");
            WebElement chart = svg(browser, "enrolled");
            assertThat(chart.getAttribute("role")).isEqualTo("img");
            assertThat(chart.getAttribute("outerHTML"))
                    .contains(">&lt;5</text>", "DASHC site fewer than 5")
                    .doesNotContain("style=");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=chart-enrolled] details"))
                            .getText())
                    .contains("How this is counted");
            browser.accessible().screenshot("programme");
            scrollTo(browser, "chart-enrolled");
            browser.screenshot("programme-charts");

            int exportsBefore = exports(admin, "programme_comparison");
            browser.click("Show unsuppressed figures");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=unsuppressed]"))
                            .getText())
                    .contains("unsuppressed", "recorded");
            assertThat(cell(browser, "table-enrolled", "enrolled_to_date", "", "DASHC"))
                    .isEqualTo("3");
            assertThat(svg(browser, "enrolled").getAttribute("outerHTML")).doesNotContain("&lt;5");
            assertThat(exports(admin, "programme_comparison")).isEqualTo(exportsBefore + 1);
            checkTables(
                    browser,
                    Cases.ok(api.get("/programme/comparison?" + query + "&unsuppressed=true"))
                            .get("figures"));
            browser.accessible().screenshot("programme-unsuppressed");

            browser.go("/programme?from=2026-13-01&to=" + today + "&scope=period");
            assertThat(browser.errors()).containsExactly("From: must be a date as yyyy-mm-dd, for example 2026-12-03");
            assertThat(browser.driver().findElement(By.id("f-from")).getAttribute("value"))
                    .isEqualTo("2026-13-01");
            browser.accessible();

            String period = "from=" + FROM + "&to=" + today;
            browser.go("/programme/cohorts/" + panel + "?" + period);
            assertThat(browser.heading()).isEqualTo("DASHC pilot");
            JsonNode report = Cases.ok(api.get("/cohorts/" + panel + "/report?" + period));
            assertThat(chartIds(browser))
                    .contains("enrolled-by-month", "sessions-by-month", "attendance-by-month", "enrolled");
            assertThat(checkTables(browser, report.get("figures"))).isGreaterThan(40);
            assertThat(cell(browser, "table-enrolled", "enrolled_to_date", "", panel))
                    .isEqualTo("<5");
            assertThat(svg(browser, "enrolled").getAttribute("outerHTML")).contains(">&lt;5</text>");
            assertThat(svg(browser, "enrolled-by-month").getAttribute("outerHTML"))
                    .contains(">&lt;5</text>", "target 10");
            assertThat(browser.driver()
                            .findElement(By.linkText("Programme report for this period (PDF, OFFICIAL-SENSITIVE)"))
                            .getAttribute("href"))
                    .endsWith("/programme/report.pdf?" + period + "&scope=period");
            browser.accessible().screenshot("cohort");
            scrollTo(browser, "chart-enrolled-by-month");
            browser.screenshot("cohort-charts");

            browser.click("Show unsuppressed figures");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=unsuppressed]")))
                    .hasSize(1);
            assertThat(cell(browser, "table-enrolled", "enrolled_to_date", "", panel))
                    .isEqualTo("3");
            checkTables(
                    browser,
                    Cases.ok(api.get("/cohorts/" + panel + "/report?" + period + "&unsuppressed=true"))
                            .get("figures"));
            browser.signOut();
        }
    }

    @Test
    void the_downloads_are_the_apis_and_audited_as_its_are() {
        PageClient lead = new PageClient(APP.getLocalPort()).signIn(LEAD, Staff.PASSWORD);
        Api api = TestApp.as(APP, LEAD);
        Api admin = TestApp.as(APP, "admin.dashboard");
        String query = "from=" + FROM + "&to=2026-06-30&scope=period";
        int before = disclosures(admin, "programme_report_pdf");
        HttpResponse<byte[]> pdf = lead.download(Disclosed.viaForm("/programme/report.pdf?" + query));
        assertThat(pdf.statusCode())
                .as(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("programme-2026-01-05-to-2026-06-30-report-");
        assertThat(disclosures(admin, "programme_report_pdf")).isEqualTo(before + 1);

        HttpResponse<byte[]> csv = lead.download(Disclosed.viaForm("/programme/comparison.csv?" + query));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(api.with("Accept", "text/csv")
                        .get(Disclosed.to("/programme/comparison?" + query))
                        .text());
        // dates that run backwards are refused once the form has named the recipient, as the API refuses them
        assertThat(lead.download(Disclosed.viaForm("/programme/comparison.csv?from=2026-06-30&to=2026-01-01"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<byte[]> cohortCsv =
                lead.download(Disclosed.viaForm("/programme/cohorts/" + panel + "/report.csv?" + query));
        assertThat(new String(cohortCsv.body(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(api.with("Accept", "text/csv")
                        .get(Disclosed.to("/cohorts/" + panel + "/report?" + query))
                        .text());
    }

    @Test
    void a_date_that_is_not_one_is_the_pages_error_not_a_failure() {
        PageClient lead = new PageClient(APP.getLocalPort()).signIn(LEAD, Staff.PASSWORD);
        for (String path : List.of(
                "/programme?from=yesterday",
                "/programme?to=2026-02-30",
                "/programme?scope=everything",
                "/programme?from=2026-06-01&to=2026-01-01",
                "/programme?unsuppressed=maybe",
                "/programme/cohorts/" + panel + "?from=tomorrow",
                "/programme/cohorts/" + panel + "?from=2026-06-01&to=2026-01-01")) {
            HttpResponse<String> page = lead.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("There is a problem", "govuk-error-summary");
        }
    }

    @Test
    void other_roles_get_403_pages() {
        for (String user : List.of("po.dashboard", "doc.dashboard", "admin.dashboard")) {
            PageClient other = new PageClient(APP.getLocalPort()).signIn(user, Staff.PASSWORD);
            for (String path : List.of("/programme", "/programme/cohorts/" + panel)) {
                HttpResponse<String> page = other.get(path);
                assertThat(page.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(page.body()).doesNotContain("DASHC pilot");
            }
            for (String path : List.of(
                    "/programme/report.pdf?from=" + FROM + "&to=2026-06-30",
                    "/programme/comparison.csv?from=" + FROM + "&to=2026-06-30")) {
                assertThat(other.download(path).statusCode())
                        .as(user + " " + path)
                        .isEqualTo(403);
            }
        }
    }

    private static String site(Api admin, String code, String model, int target) {
        Cases.created(admin.post("/sites", Map.of("code", code, "name", code + " site", "model", model)));
        return Cases.created(admin.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                code,
                                "name",
                                code + " pilot",
                                "startsOn",
                                FROM,
                                "endsOn",
                                "2027-06-30",
                                "target",
                                target)))
                .get("id")
                .asText();
    }

    private static String enrolled(Cases cases, String site, String cohort) {
        String enrolment = cases.enrolment(site, cohort).get("id").asText();
        cases.move(enrolment, "assessing", "2026-02-05");
        cases.move(enrolment, "enrolled", "2026-02-10");
        return enrolment;
    }

    private static List<String> chartIds(Browser browser) {
        return browser.driver().findElements(By.cssSelector("section[data-test^=chart-]")).stream()
                .map(section -> section.getAttribute("data-test").substring("chart-".length()))
                .toList();
    }

    private static void scrollTo(Browser browser, String test) {
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView()",
                        browser.driver().findElement(By.cssSelector("[data-test=" + test + "]")));
    }

    private static WebElement svg(Browser browser, String chart) {
        return browser.driver().findElement(By.cssSelector("[data-test=chart-" + chart + "] svg"));
    }

    /** Every cell of every figure table on the page against the JSON row it shows; how many were checked. */
    private static int checkTables(Browser browser, JsonNode figures) {
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("td[data-figure]"));
        assertThat(cells).isNotEmpty();
        for (WebElement cell : cells) {
            String figure = cell.getAttribute("data-figure");
            String breakdown = cell.getAttribute("data-breakdown");
            String group = cell.getAttribute("data-group");
            String start = cell.getAttribute("data-period-start");
            String end = cell.getAttribute("data-period-end");
            String where = figure + "/" + breakdown + "/" + group + " " + start + ".." + end;
            JsonNode row = StreamSupport.stream(figures.spliterator(), false)
                    .filter(one -> one.get("figure").asText().equals(figure)
                            && Objects.equals(
                                    one.get("breakdown").isNull()
                                            ? ""
                                            : one.get("breakdown").asText(),
                                    breakdown)
                            && one.get("group").asText().equals(group)
                            && one.get("periodStart").asText().equals(start)
                            && one.get("periodEnd").asText().equals(end))
                    .findFirst()
                    .orElse(null);
            assertThat(row).as("the JSON has " + where).isNotNull();
            assertThat(cell.getText()).as(where).isEqualTo(shown(row));
        }
        return cells.size();
    }

    /** A JSON row as the tables show it: a rate as a percentage to one place, withheld ones as the PDFs show them. */
    private static String shown(JsonNode row) {
        String suppressed =
                row.get("suppressed").isNull() ? null : row.get("suppressed").asText();
        if (suppressed != null) {
            return suppressed.equals("small_number") ? "<5" : "[c]";
        }
        JsonNode value = row.get("value");
        if (value.isNull()) {
            return "–";
        }
        BigDecimal number = value.decimalValue();
        String measure = row.get("measure").asText();
        if (measure.equals("rate") || measure.equals("baseline")) {
            return plain(number.movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
        }
        return plain(number);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String cell(Browser browser, String table, String figure, String breakdown, String group) {
        return browser.driver()
                .findElement(By.cssSelector("[data-test=" + table + "] td[data-figure=" + figure + "][data-breakdown='"
                        + breakdown + "'][data-group='" + group + "']"))
                .getText();
    }

    /** The lead's exports of that kind in the audit log. */
    private static int exports(Api admin, String resourceType) {
        return audited(admin, "export", resourceType);
    }

    private static int disclosures(Api admin, String resourceType) {
        return audited(admin, "disclose", resourceType);
    }

    private static int audited(Api admin, String action, String resourceType) {
        JsonNode rows =
                Cases.ok(admin.get("/audit?username=" + LEAD + "&limit=500")).get("items");
        return (int) StreamSupport.stream(rows.spliterator(), false)
                .filter(row -> row.get("action").asText().equals(action)
                        && row.get("resourceType").asText().equals(resourceType))
                .count();
    }
}
