package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every dated list filters by from/to on the date it says, refuses a backwards range, and pages by `next`. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ListFiltersTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "DATE";
    static Api api;
    static Cases cases;
    static String early;
    static String late;

    @BeforeAll
    static void twoCohortsAndTwoReferrals() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site(SITE);
        early = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                SITE,
                                "name",
                                "Early",
                                "startsOn",
                                "2026-01-05",
                                "endsOn",
                                "2026-06-30",
                                "target",
                                10)))
                .get("id")
                .asText();
        late = Cases.created(api.post(
                        "/cohorts",
                        Map.of(
                                "siteCode",
                                SITE,
                                "name",
                                "Late",
                                "startsOn",
                                "2026-07-01",
                                "endsOn",
                                "2027-06-30",
                                "target",
                                10)))
                .get("id")
                .asText();
    }

    @Test
    void cohorts_by_their_start() {
        assertThat(ids("/cohorts?siteCode=" + SITE)).containsExactly(late, early);
        assertThat(ids("/cohorts?siteCode=" + SITE + "&from=2026-07-01")).containsExactly(late);
        assertThat(ids("/cohorts?siteCode=" + SITE + "&to=2026-06-30")).containsExactly(early);
        assertThat(ids("/cohorts?siteCode=" + SITE + "&from=2026-01-05&to=2026-01-05"))
                .containsExactly(early);
    }

    @Test
    void referrals_by_the_day_they_were_received() {
        String site = "RECV";
        cases.site(site);
        String january = cases.referral(site, "2026-01-10").get("id").asText();
        String february = cases.referral(site, "2026-02-10").get("id").asText();
        assertThat(ids("/referrals?siteCode=" + site + "&from=2026-02-01")).containsExactly(february);
        assertThat(ids("/referrals?siteCode=" + site + "&to=2026-01-31")).containsExactly(january);
        assertThat(ids("/referrals?siteCode=" + site + "&from=2026-01-10&to=2026-02-10"))
                .containsExactlyInAnyOrder(january, february);
    }

    @Test
    void enrolments_by_their_latest_move() {
        String site = "MOVE";
        cases.site(site);
        String cohort = cases.cohort(site).get("id").asText();
        String stays = cases.enrolment(site, cohort).get("id").asText(); // opened 2026-02-03, never moved
        String moves = cases.enrolment(site, cohort).get("id").asText();
        cases.move(moves, "assessing", "2026-02-20");
        String base = "/enrolments?cohortId=" + cohort;
        assertThat(ids(base + "&to=2026-02-10")).containsExactly(stays);
        assertThat(ids(base + "&from=2026-02-10")).containsExactly(moves);
        assertThat(ids(base + "&state=assessing&from=2026-02-20&to=2026-02-20")).containsExactly(moves);
    }

    @Test
    void participants_by_the_day_they_were_created_in_london() {
        String site = "MADE";
        cases.site(site);
        String participant = cases.participant(site);
        LocalDate today = LocalDate.now(ProgrammeClock.ZONE);
        assertThat(ids("/participants?siteCode=" + site + "&from=" + today + "&to=" + today))
                .containsExactly(participant);
        assertThat(ids("/participants?siteCode=" + site + "&to=" + today.minusDays(1)))
                .isEmpty();
        assertThat(ids("/participants?siteCode=" + site + "&from=" + today.plusDays(1)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/cohorts",
                "/referrals",
                "/enrolments",
                "/participants",
                "/audit",
                "/participants/{pid}/sessions",
                "/participants/{pid}/incidents",
                "/participants/{pid}/timeline"
            })
    void a_range_that_runs_backwards_is_400_naming_to(String list) {
        String path = list.replace("{pid}", participantOfTheSite()) + "?from=2026-03-01&to=2026-02-28";
        Staff.ensure(APP, "auditor", Set.of(Role.admin), Set.of());
        Reply reply = (list.equals("/audit") ? TestApp.as(APP, "auditor") : api).get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).containsExactly("to");
    }

    @Test
    void a_date_that_is_not_a_date_is_400_naming_the_parameter() {
        Reply reply = api.get("/cohorts?from=01/02/2026");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.fieldsAtFault()).containsExactly("from");
    }

    @Test
    void next_links_walk_a_filtered_list_to_its_end() {
        String site = "PAGE";
        cases.site(site);
        List<String> created = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            created.add(cases.referral(site, "2026-03-0" + day).get("id").asText());
        }
        cases.referral(site, "2026-04-01");
        List<String> walked = new ArrayList<>();
        String next = "/referrals?siteCode=" + site + "&from=2026-03-01&to=2026-03-31&limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = Cases.ok(api.get(next.startsWith("/api/") ? next.substring("/api".length()) : next));
            page.get("items").forEach(item -> walked.add(item.get("id").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(created);
    }

    private static String participantOfTheSite() {
        return cases.participant(SITE);
    }

    private static List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        Cases.ok(api.get(path))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
