package org.desist.web.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.probation;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.desist.access.AccessPolicy;
import org.desist.auth.Role;
import org.desist.caserecord.RecordPageKind;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Browser;
import org.desist.support.Cases;
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

/**
 * The record pages keep the API's seals (as ClinicalRecordAccessTest checks them on the API): clinical free
 * text (formulation, session notes, desistance narrative) reaches clinicians only, health detail (diagnoses,
 * substances) clinicians and probation, and a withheld field says so instead of looking empty. A role without
 * the kind's read action gets the 403 page; another site's case is 404, as an unknown record is.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class RecordPagesAccessTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    static final String A = "RECA";
    static final String B = "RECB";

    static final String FORMULATION = "Formulation: grievance after rejection, sealed-text-1";
    static final String NOTES = "Session notes: disclosed driving past her flat, sealed-text-2";
    static final String NARRATIVE = "Narrative: fixation easing but still checks her profile, sealed-text-3";
    static final String DIAGNOSIS = "Emotionally unstable personality disorder, health-detail-4";
    static final String SUBSTANCE = "ketamine, health-detail-5";
    static final List<String> CLINICAL = List.of(FORMULATION, NOTES, NARRATIVE);
    static final List<String> HEALTH = List.of(DIAGNOSIS, SUBSTANCE);
    static final String WITHHELD = "Not shown to your role";

    static final Map<Role, PageClient> PAGES = new EnumMap<>(Role.class);
    static Case caseA;
    static Case caseB;

    record Case(String id, Map<RecordKind, String> records) {
        String page(RecordPageKind kind) {
            return "/cases/" + id + "/records/" + kind.path + "/" + records.get(apiKind(kind));
        }

        String list(RecordPageKind kind) {
            return "/cases/" + id + "/records/" + kind.path;
        }
    }

    @BeforeAll
    static void twoSitesWithACaseEachAndTheStaffOfSiteA() {
        Api tester = TestApp.api(APP);
        Cases cases = new Cases(tester);
        cases.site(A);
        cases.site(B);
        for (Role role : Role.values()) {
            Staff.ensure(APP, role.name(), Set.of(role), role.maySpanSites() ? Set.of() : Set.of(A));
            PAGES.put(role, new PageClient(APP.getLocalPort()).signIn(role.name(), Staff.PASSWORD));
        }
        Staff.ensure(APP, "advocate-ab", Set.of(advocate), Set.of(A, B));
        Api advocates = TestApp.as(APP, "advocate-ab");

        caseA = openCase(
                tester,
                advocates,
                cases.enrolment(A, cases.cohort(A).get("id").asText())
                        .get("participantId")
                        .asText());
        Cases.ok(tester.post(
                "/participants/" + caseA.id() + "/sessions/" + caseA.records().get(RecordKind.SESSIONS) + "/outcome",
                Map.of("outcome", "attended", "engagement", 4, "notes", NOTES, "shareable", true)));
        caseB = openCase(tester, advocates, cases.participant(B));
    }

    static Case openCase(Api tester, Api advocates, String participantId) {
        Map<RecordKind, String> records = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            Map<String, Object> body = kind.validBody("");
            switch (kind) {
                case ASSESSMENTS -> {
                    body.put("diagnoses", List.of(Map.of("system", "ICD-10", "code", "F60.3", "label", DIAGNOSIS)));
                    body.put("substanceMisuse", List.of(SUBSTANCE));
                    body.put("formulation", FORMULATION);
                }
                case DESISTANCE_REVIEWS -> body.put("narrative", NARRATIVE);
                default -> {}
            }
            Api recorder = kind == RecordKind.VICTIM_SAFETY ? advocates : tester;
            String path = "/participants/" + participantId + "/" + kind.path;
            records.put(kind, Cases.created(recorder.post(path, body)).get("id").asText());
        }
        return new Case(participantId, records);
    }

    static RecordKind apiKind(RecordPageKind kind) {
        return RecordKind.valueOf(kind.name());
    }

    static boolean reads(Role role, RecordPageKind kind) {
        return AccessPolicy.rolesAllowed(kind.read).contains(role);
    }

    /** The sealed strings this role may see on this kind's record page. */
    static List<String> seenOn(Role role, RecordPageKind kind) {
        List<String> seen = new ArrayList<>();
        if (kind == RecordPageKind.ASSESSMENTS) {
            if (role == clinician) {
                seen.add(FORMULATION);
            }
            if (role == clinician || role == probation) {
                seen.addAll(HEALTH);
            }
        }
        if (kind == RecordPageKind.SESSIONS && role == clinician) {
            seen.add(NOTES);
        }
        if (kind == RecordPageKind.DESISTANCE_REVIEWS && role == clinician) {
            seen.add(NARRATIVE);
        }
        return seen;
    }

    static void assertSealed(String page, List<String> allowed, String what) {
        for (String sealed : Stream.concat(CLINICAL.stream(), HEALTH.stream()).toList()) {
            if (allowed.contains(sealed)) {
                assertThat(page).as("%s shows %s", what, sealed).contains(sealed);
            } else {
                assertThat(page).as("%s must not show %s", what, sealed).doesNotContain(sealed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void every_record_page_shows_the_sealed_strings_exactly_where_the_rules_allow(Role role) {
        PageClient pages = PAGES.get(role);
        for (RecordPageKind kind : RecordPageKind.values()) {
            for (String path : List.of(caseA.page(kind), caseA.list(kind))) {
                HttpResponse<String> answer = pages.get(path);
                String what = role + " at " + path;
                if (!reads(role, kind)) {
                    assertThat(answer.statusCode()).as(what).isEqualTo(403);
                    assertSealed(answer.body(), List.of(), what);
                    assertThat(answer.body())
                            .as(what)
                            .doesNotContain(caseA.records().get(apiKind(kind)));
                    continue;
                }
                assertThat(answer.statusCode()).as(what).isEqualTo(200);
                assertThat(answer.body()).as(what).contains("href=\"/cases/" + caseA.id() + "\"");
                boolean one = path.equals(caseA.page(kind));
                List<String> allowed = one ? seenOn(role, kind) : List.of();
                assertSealed(answer.body(), allowed, what);
                if (one) {
                    assertThat(answer.body()).as(what).contains("Version").contains("Recorded");
                    boolean withholds = (kind == RecordPageKind.ASSESSMENTS && role != clinician)
                            || (kind == RecordPageKind.SESSIONS && role != clinician)
                            || (kind == RecordPageKind.DESISTANCE_REVIEWS && role != clinician)
                            || (kind == RecordPageKind.SERVICE_REFERRALS && role != clinician && role != probation);
                    assertThat(answer.body().contains(WITHHELD))
                            .as("%s says a withheld field is withheld", what)
                            .isEqualTo(withholds);
                } else {
                    assertThat(answer.body()).as(what).contains(caseA.page(kind));
                }
            }
        }
    }

    /** The case page is another branch's; once it answers, it too keeps the seals. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    void the_case_page_once_there_shows_no_sealed_string_the_role_may_not_see(Role role) {
        HttpResponse<String> answer = PAGES.get(role).get("/cases/" + caseA.id());
        if (answer.statusCode() != 200) {
            assertSealed(answer.body(), List.of(), role + " refused the case page");
            return;
        }
        String page = answer.body();
        if (role != clinician) {
            CLINICAL.forEach(text -> assertThat(page).as("%s's case page", role).doesNotContain(text));
        }
        if (role != clinician && role != probation) {
            HEALTH.forEach(text -> assertThat(page).as("%s's case page", role).doesNotContain(text));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Role.class,
            names = {"clinician", "probation", "cps", "advocate", "police"})
    void another_sites_case_is_not_found_like_an_unknown_record(Role role) {
        PageClient pages = PAGES.get(role);
        for (RecordPageKind kind : RecordPageKind.values()) {
            int expected = reads(role, kind) ? 404 : 403;
            for (String path : List.of(
                    caseB.page(kind),
                    caseB.list(kind),
                    caseA.list(kind) + "/" + caseB.records().get(apiKind(kind)),
                    caseA.list(kind) + "/" + UUID.randomUUID(),
                    "/cases/" + UUID.randomUUID() + "/records/" + kind.path)) {
                HttpResponse<String> answer = pages.get(path);
                assertThat(answer.statusCode()).as(role + " at " + path).isEqualTo(expected);
                // the problem names the id asked for, as the API's 404 does; no record is shown
                assertThat(answer.body()).as(path).doesNotContain("data-test=\"record\"", "data-test=\"records\"");
                assertSealed(answer.body(), List.of(), role + " at " + path);
            }
        }
        assertThat(pages.get("/cases/" + caseA.id() + "/records/no-such-kind").statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_record_entered_in_error_is_marked_with_its_reason_and_amendments_say_who() {
        Api tester = TestApp.api(APP);
        String incidents = "/participants/" + caseA.id() + "/incidents";
        String id = Cases.created(tester.post(incidents, RecordKind.INCIDENTS.validBody("wrong case")))
                .get("id")
                .asText();
        Cases.ok(tester.because("Date corrected")
                .patch(incidents + "/" + id, Map.of("occurredOn", "2026-03-02"), "\"1\""));
        Cases.ok(tester.send(
                "POST",
                incidents + "/" + id + "/entered-in-error",
                Map.of("reason", "Recorded against the wrong case"),
                Map.of("If-Match", "\"2\"")));
        String page = PAGES.get(Role.police)
                .get("/cases/" + caseA.id() + "/records/incidents/" + id)
                .body();
        assertThat(page)
                .contains("Entered in error", "Recorded against the wrong case", "2 March 2026", "Last amended")
                .contains("<dd class=\"govuk-summary-list__value\">3</dd>");
        String list = PAGES.get(Role.police)
                .get("/cases/" + caseA.id() + "/records/incidents")
                .body();
        assertThat(list).contains("Entered in error");
    }

    @Test
    void signed_out_a_record_page_leads_to_sign_in() {
        HttpResponse<String> answer = new PageClient(APP.getLocalPort()).get(caseA.page(RecordPageKind.ASSESSMENTS));
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
    }

    @Test
    void in_chromium_the_record_pages_are_accessible_and_the_withheld_field_says_so() {
        try (Browser browser = Browser.open(APP.getLocalPort())) {
            browser.signIn("probation", Staff.PASSWORD);
            browser.go(caseA.page(RecordPageKind.ASSESSMENTS));
            assertThat(browser.heading()).isEqualTo("Assessment");
            assertThat(browser.text()).contains(DIAGNOSIS, SUBSTANCE, WITHHELD).doesNotContain(FORMULATION);
            browser.accessible().screenshot("probation-record-page");
            browser.go(caseA.list(RecordPageKind.SESSIONS));
            assertThat(browser.heading()).isEqualTo("Sessions");
            browser.accessible();
            browser.click("Session of 2 March 2026, 10:00");
            assertThat(browser.text()).contains(WITHHELD).doesNotContain(NOTES);
            browser.accessible();
            browser.signOut();

            browser.signIn("clinician", Staff.PASSWORD);
            for (RecordPageKind kind : RecordPageKind.values()) {
                if (!reads(clinician, kind)) {
                    continue;
                }
                browser.go(caseA.page(kind));
                assertThat(browser.heading()).isEqualTo(kind.one);
                assertSealed(browser.text(), seenOn(clinician, kind), "clinician in Chromium at " + kind.path);
                browser.accessible();
                if (kind == RecordPageKind.ASSESSMENTS) {
                    browser.screenshot("record-page");
                }
                browser.go(caseA.list(kind));
                browser.accessible();
            }
            browser.go("/cases/" + caseA.id() + "/records/incidents/" + UUID.randomUUID());
            browser.accessible();
            browser.signOut();

            browser.signIn("cps", Staff.PASSWORD);
            browser.go(caseA.page(RecordPageKind.SESSIONS));
            assertThat(browser.heading()).isNotEqualTo("Session");
            assertThat(browser.text()).doesNotContain("Facilitator");
            browser.accessible().screenshot("cps-record-refused");
            browser.signOut();
        }
    }
}
