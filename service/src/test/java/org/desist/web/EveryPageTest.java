package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.http.Problems;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every screen a role can reach, found by following links rather than listed: each role signs in on a case with a
 * record of every kind, then walks breadth-first through every link to this service's own pages. Each page answers
 * without a server error, has one h1 and a title, and passes axe; each form, sent empty once, shows its errors
 * accessibly. Pages added later are covered as soon as a link leads to them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class EveryPageTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "CRWL";
    /** Enough for every kind of page with room to spare; a list that pages on and on is not walked to its end. */
    static final int PAGES_PER_ROLE = 40;
    /** Files, not pages: fetched, not opened. */
    static final Pattern DOWNLOAD = Pattern.compile("\\.(pdf|csv)$");
    /** Forms never sent empty: signing out, the actions on an existing account (disable, reset, roles), ending a session. */
    static final Pattern UNSAFE_FORM =
            Pattern.compile("/sign-out$|/admin/accounts/[^/]+/.+|/account/sessions/[^/]+/end$");

    static final Set<String> SERVER_ERRORS = new HashSet<>();
    /** The case due for retention review. */
    static String dueForReview;

    static {
        IntStream.range(500, 512).forEach(status -> SERVER_ERRORS.add(Problems.title(status)));
    }

    @BeforeAll
    static void aCaseWithEveryKindOfRecordAndAnAccountOfEveryRole() {
        Api tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(SITE);
        for (Role role : Role.values()) {
            Staff.ensure(APP, username(role), Set.of(role), role.maySpanSites() ? Set.of() : Set.of(SITE));
        }
        JsonNode cohort = cases.cohort(SITE);
        String participant = cases.enrolment(SITE, cohort.get("id").asText())
                .get("participantId")
                .asText();
        for (RecordKind kind : RecordKind.values()) {
            // only an advocate records victim-safety concerns; the tester (lead, clinician, police) the rest
            Api recorder = kind == RecordKind.VICTIM_SAFETY ? TestApp.as(APP, username(Role.advocate)) : tester;
            Cases.created(recorder.post("/participants/" + participant + "/" + kind.path, kind.validBody("Crawled")));
        }
        // and a referral still waiting for the daily review
        cases.referral(SITE, "2026-02-04");
        // and a case the daily review closed years ago, due for the DPO's retention review (issue 19)
        JsonNode old = Cases.created(tester.post("/referrals", Cases.referral(SITE, "2018-01-01", "Old", "Case")));
        Cases.ok(tester.post(
                "/referrals/" + old.get("id").asText() + "/review",
                Map.of(
                        "reviewedOn",
                        "2018-01-02",
                        "priority",
                        "standard",
                        "decision",
                        "no_further_action",
                        "reason",
                        "Daily review")));
        dueForReview = old.get("participantId").asText();
    }

    static String username(Role role) {
        return "crawl." + role.name().replace("_", "");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_page_a_role_reaches_works_is_accessible_and_so_is_every_form_sent_empty(Role role) {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn(username(role), Staff.PASSWORD);
            Crawl crawl = new Crawl(browser, role.name(), true);
            List<String> visited = crawl.walk();
            assertThat(visited).contains("/", "/account/password");
            assertThat(crawl.formsSent).contains("POST /account/password");
            if (role == Role.programme_lead) {
                // the bulk reallocation (issue 17) is reached from the programme page, and its form sent empty
                assertThat(crawl.formsSent).contains("POST /sites/" + SITE + "/team-reallocations");
            }
            if (role == Role.dpo) {
                // the retention review (issue 19) is reached from the home page, its forms sent empty, and the
                // disposal's confirmation visited (its form, only a button, is never sent)
                assertThat(visited).contains("/retention", "/retention/" + dueForReview + "/disposal");
                assertThat(crawl.formsSent)
                        .contains(
                                "POST /retention/" + dueForReview + "/retention-decisions",
                                "POST /retention/" + dueForReview + "/legal-holds");
            }
        }
    }

    @Test
    void with_javascript_off_every_page_renders_and_every_form_sends() {
        try (Browser browser = Browser.open(APP.getLocalPort(), false)) {
            browser.signIn(username(Role.programme_lead), Staff.PASSWORD);
            Crawl crawl = new Crawl(browser, "programme_lead without JavaScript", false);
            assertThat(crawl.walk()).contains("/", "/account/password");
            assertThat(crawl.formsSent).contains("POST /account/password");
        }
    }

    /** One role's walk: the pages in the order reached, each checked, each new form sent empty once. */
    static final class Crawl {
        private final Browser browser;
        private final String who;
        private final boolean checkAccessibility;
        private final PageClient http;
        private final Set<String> formsSent = new HashSet<>();

        Crawl(Browser browser, String who, boolean checkAccessibility) {
            this.browser = browser;
            this.who = who;
            this.checkAccessibility = checkAccessibility;
            // the same session as the browser's, to see each answer's status, which a browser does not tell
            this.http = new PageClient(APP.getLocalPort()).withCookie(sessionCookie(browser));
        }

        List<String> walk() {
            Set<String> seen = new LinkedHashSet<>(List.of("/"));
            Deque<String> queue = new ArrayDeque<>(seen);
            List<String> visited = new ArrayList<>();
            while (!queue.isEmpty() && visited.size() < PAGES_PER_ROLE) {
                String path = queue.poll();
                HttpResponse<String> answer = http.get(path);
                assertThat(answer.statusCode())
                        .as(who + ": GET " + path + " answered " + answer.body())
                        .isLessThan(500);
                if (DOWNLOAD.matcher(URI.create(path).getPath()).find()) {
                    download(path, answer);
                    continue;
                }
                visited.add(path);
                browser.go(path);
                checkPage("GET " + path);
                for (String link : links()) {
                    if (seen.add(link)) {
                        queue.add(link);
                    }
                }
                sendEachNewFormEmpty(path);
            }
            return visited;
        }

        /** A download asks first who the document is for (issue 19): that form is a page, checked as one. */
        private void download(String path, HttpResponse<String> answer) {
            assertThat(answer.statusCode()).as(who + ": " + path).isEqualTo(200);
            assertThat(answer.body()).as(who + ": " + path).contains("data-test=\"disclosure-form\"");
            browser.go(path);
            checkPage("GET " + path);
            HttpResponse<byte[]> document = http.download(Disclosed.viaForm(path));
            assertThat(document.statusCode()).as(who + ": " + path).isEqualTo(200);
            String expected =
                    path.replaceFirst("[?].*", "").toLowerCase(Locale.ROOT).endsWith(".pdf")
                            ? "application/pdf"
                            : "text/csv";
            assertThat(document.headers().firstValue("Content-Type").orElse(""))
                    .as(who + ": " + path)
                    .startsWith(expected);
        }

        /** The page now shown: no server error, one h1, a title, and (with JavaScript) no serious axe finding. */
        private void checkPage(String how) {
            String where = who + ": " + how + " (now at " + browser.path() + ")";
            assertThat(browser.driver().findElements(By.tagName("h1")))
                    .as(where + ": one h1")
                    .hasSize(1);
            assertThat(browser.heading()).as(where).isNotIn(SERVER_ERRORS);
            assertThat(browser.driver().getTitle()).as(where + ": a title").isNotBlank();
            if (checkAccessibility) {
                browser.accessible();
            }
        }

        /** Links to this service's own pages, without their fragment; not the API, assets or signing out. */
        private List<String> links() {
            List<String> links = new ArrayList<>();
            for (WebElement anchor : browser.driver().findElements(By.cssSelector("a[href^='/']"))) {
                String href = anchor.getDomAttribute("href");
                if (href == null || href.startsWith("//")) {
                    continue;
                }
                String path = href.replaceFirst("#.*$", "");
                if (path.isEmpty()
                        || path.startsWith("/api/")
                        || path.startsWith("/assets/")
                        || path.startsWith("/sign-out")) {
                    continue;
                }
                links.add(path);
            }
            return links;
        }

        /**
         * Each form with something to fill in, sent with nothing filled in: it must come back as a page (the form
         * again with its errors, at worst a refusal), never a server error. A form that is only a button (an
         * action such as sign out, accept, close) is a command, not something to send empty.
         */
        private void sendEachNewFormEmpty(String path) {
            int forms = browser.driver().findElements(By.tagName("form")).size();
            for (int i = 0; i < forms; i++) {
                if (i > 0) {
                    browser.go(path);
                }
                WebElement form =
                        browser.driver().findElements(By.tagName("form")).get(i);
                // attributes, not DOM properties: an input named "action" (the audit log's filter) shadows form.action
                String action = URI.create(browser.driver().getCurrentUrl())
                        .resolve(Objects.requireNonNullElse(form.getDomAttribute("action"), ""))
                        .getPath();
                String method = Objects.requireNonNullElse(form.getDomAttribute("method"), "get")
                        .toUpperCase(Locale.ROOT);
                List<WebElement> fields = form.findElements(By.cssSelector(
                        "input:not([type=hidden]):not([type=submit]):not([type=button]), textarea, select"));
                List<WebElement> buttons =
                        form.findElements(By.cssSelector("button:not([type=button]), input[type=submit]"));
                if (UNSAFE_FORM.matcher(action).find()
                        || fields.isEmpty()
                        || buttons.isEmpty()
                        || !formsSent.add(method + " " + action)) {
                    continue;
                }
                fields.forEach(field -> empty(browser, field));
                browser.navigating(buttons.get(0));
                checkPage(method + " " + action + " sent empty from " + path);
            }
        }
    }

    /** Clears a field as a user could: text removed, boxes unticked, a select back on its first option. */
    static void empty(Browser browser, WebElement field) {
        if (!field.isEnabled() || field.getDomAttribute("readonly") != null) {
            return;
        }
        String type = String.valueOf(field.getDomAttribute("type")).toLowerCase(Locale.ROOT);
        if (type.equals("checkbox")) {
            // GOV.UK's boxes are drawn over the input by its label: the label is what a user clicks
            String id = field.getDomAttribute("id");
            if (field.isSelected() && id != null) {
                browser.driver()
                        .findElement(By.cssSelector("label[for='" + id + "']"))
                        .click();
            }
            return;
        }
        if (!field.isDisplayed()) {
            return;
        }
        switch (field.getTagName()) {
            case "select" -> {
                Select select = new Select(field);
                if (!select.isMultiple()) {
                    select.selectByIndex(0);
                } else {
                    select.deselectAll();
                }
            }
            case "textarea" -> field.clear();
            default -> {
                if (!type.equals("radio") && !type.equals("file")) {
                    field.clear();
                }
            }
        }
    }

    static String sessionCookie(Browser browser) {
        return browser.driver().manage().getCookies().stream()
                .filter(cookie -> cookie.getName().endsWith("desist-session"))
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie after signing in"));
    }
}
