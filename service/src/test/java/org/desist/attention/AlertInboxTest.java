package org.desist.attention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.PageClient;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The inbox: GET /api/alerts and the acknowledgement, their refusals, and the same through the pages. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AlertInboxTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String SITE = "INB1";
    static final String OTHER = "INB2";
    static final String KEY_WORKER = "inb.kw";
    static final String ADVOCATE = "inb.adv";
    static final String ELSEWHERE = "inb.elsewhere";
    static final String LEAD = "inb.lead";
    static final String ADMIN = "inb.admin";

    static Api tester;
    static Cases cases;
    static Jdbi database;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        cases.site(OTHER);
        Staff.ensure(APP, KEY_WORKER, Set.of(Role.clinician), Set.of(SITE));
        Staff.ensure(APP, ADVOCATE, Set.of(Role.advocate), Set.of(SITE));
        Staff.ensure(APP, ELSEWHERE, Set.of(Role.clinician), Set.of(OTHER));
        Staff.ensure(APP, LEAD, Set.of(Role.programme_lead), Set.of());
        // administrators are told of nothing (programme leads and the DPO are, of break-glass openings)
        Staff.ensure(APP, ADMIN, Set.of(Role.admin), Set.of());
        database = DATABASE.jdbi();
    }

    /** A case of the site with the key worker and the advocate on its team, and an incident alert open on it. */
    static String caseWithAnIncident() {
        String participantId = cases.participant(SITE);
        Teams.put(database, participantId, KEY_WORKER, TeamRole.key_worker);
        Teams.put(database, participantId, ADVOCATE, TeamRole.advocate);
        Cases.created(tester.post("/participants/" + participantId + "/incidents", RecordKind.INCIDENTS.validBody("")));
        return participantId;
    }

    static Api as(String username) {
        return TestApp.as(APP, username);
    }

    static JsonNode openOn(String username, String participantId) {
        JsonNode items = Cases.ok(as(username).get("/alerts?participantId=" + participantId))
                .get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    // ---------------------------------------------------------------- the API

    @Test
    void the_list_is_paged_as_other_lists_are_and_open_by_default() {
        for (int i = 0; i < 3; i++) {
            caseWithAnIncident();
        }
        JsonNode first = Cases.ok(as(ADVOCATE).get("/alerts?limit=2"));
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("next").asText()).contains("limit=2").contains("offset=2");
        first.get("items").forEach(alert -> {
            assertThat(alert.get("state").asText()).isEqualTo("open");
            assertThat(alert.get("toldAs").asText()).isEqualTo("advocate");
            assertThat(alert.get("caseRef").asText()).startsWith(SITE + "-");
        });
        JsonNode second = Cases.ok(as(ADVOCATE).get(first.get("next").asText().replaceFirst("^/api", "")));
        assertThat(second.get("items")).isNotEmpty();
        assertThat(second.get("items").get(0).get("id").asText())
                .isNotIn(
                        first.get("items").get(0).get("id").asText(),
                        first.get("items").get(1).get("id").asText());
    }

    @Test
    void a_state_that_does_not_exist_is_400_naming_it() {
        Reply refused = as(KEY_WORKER).get("/alerts?state=pending");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text()).contains("state");
    }

    @Test
    void roles_never_told_of_alerts_are_refused_and_a_case_outside_the_callers_sites_is_404() {
        assertThat(as(ADMIN).get("/alerts").status()).isEqualTo(403);
        String participantId = caseWithAnIncident();
        assertThat(as(ELSEWHERE).get("/alerts?participantId=" + participantId).status())
                .isEqualTo(404);
        assertThat(as(ELSEWHERE).get("/alerts?participantId=no-such-case").status())
                .isEqualTo(404);
    }

    @Test
    void an_acknowledgement_needs_a_note_of_at_most_2000_characters_and_changes_nothing_when_refused() {
        String participantId = caseWithAnIncident();
        String alertId = openOn(KEY_WORKER, participantId).get("id").asText();
        String address = "/alerts/" + alertId + "/acknowledgement";

        Reply blank = as(KEY_WORKER).post(address, Map.of("note", "  "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.fieldsAtFault()).containsExactly("note");
        Reply tooLong = as(KEY_WORKER).post(address, Map.of("note", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.fieldsAtFault()).containsExactly("note");
        Reply missing = as(KEY_WORKER).post(address, Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.fieldsAtFault()).containsExactly("note");
        Reply unknownField = as(KEY_WORKER).post(address, Map.of("note", "ok", "clear", true));
        assertThat(unknownField.status()).isBetween(400, 422);

        assertThat(openOn(KEY_WORKER, participantId).get("state").asText()).isEqualTo("open");
    }

    @Test
    void only_a_recipient_may_acknowledge_and_only_once() {
        String participantId = caseWithAnIncident();
        String alertId = openOn(KEY_WORKER, participantId).get("id").asText();
        String address = "/alerts/" + alertId + "/acknowledgement";
        Map<String, String> note = Map.of("note", "Called the officer in charge");

        Staff.ensure(APP, "inb.kw2", Set.of(Role.clinician), Set.of(SITE));
        assertThat(as("inb.kw2").post(address, note).status())
                .as("not told of it")
                .isEqualTo(404);
        assertThat(as(ELSEWHERE).post(address, note).status()).isEqualTo(404);
        assertThat(as(KEY_WORKER)
                        .post("/alerts/no-such-alert/acknowledgement", note)
                        .status())
                .isEqualTo(404);
        assertThat(as(ADMIN).post(address, note).status()).isEqualTo(403);
        assertThat(as(LEAD).post(address, note).status()).as("not told of it").isEqualTo(404);

        JsonNode acknowledged = Cases.ok(as(KEY_WORKER).post(address, note));
        assertThat(acknowledged.get("state").asText()).isEqualTo("acknowledged");
        assertThat(acknowledged.get("acknowledgement").asText()).isEqualTo("Called the officer in charge");
        assertThat(acknowledged.get("acknowledgedAt").asText()).isNotBlank();
        Reply again = as(KEY_WORKER).post(address, note);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        // the advocate's view carries no one else's note
        JsonNode advocates = openOn(ADVOCATE, participantId);
        assertThat(advocates.get("acknowledgement").isNull()).isTrue();
        assertThat(as(ADVOCATE).get("/alerts?state=acknowledged").text()).doesNotContain("Called the officer");

        Cases.ok(as(ADVOCATE).post(address, Map.of("note", "Told the victim's advocate")));
        assertThat(as(KEY_WORKER).post(address, note).status())
                .as("cleared now")
                .isEqualTo(409);
        JsonNode cleared = Cases.ok(as(KEY_WORKER).get("/alerts?state=cleared&participantId=" + participantId))
                .get("items");
        assertThat(cleared).hasSize(1);
        assertThat(cleared.get(0).get("acknowledgement").asText()).isEqualTo("Called the officer in charge");
    }

    // ---------------------------------------------------------------- the pages

    @Test
    void the_inbox_page_lists_and_acknowledges_with_the_api_s_rules() {
        String participantId = caseWithAnIncident();
        JsonNode alert = openOn(KEY_WORKER, participantId);
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(KEY_WORKER, Staff.PASSWORD);

        HttpResponse<String> inbox = browser.get("/alerts");
        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body())
                .contains("Your alerts")
                .contains("An incident was recorded")
                .contains(alert.get("caseRef").asText())
                .contains("/alerts/" + alert.get("id").asText() + "/acknowledgement")
                .contains("/cases/" + participantId + "/records/incidents/"
                        + alert.get("recordId").asText());

        Map<String, String> blank = new HashMap<>(browser.withToken("/alerts", Map.of("note", " ", "from", "inbox")));
        HttpResponse<String> refused = browser.post("/alerts/" + alert.get("id").asText() + "/acknowledgement", blank);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("There is a problem").contains("Note");

        HttpResponse<String> done = browser.post(
                "/alerts/" + alert.get("id").asText() + "/acknowledgement",
                browser.withToken("/alerts", Map.of("note", "Seen at the daily meeting", "from", "inbox")));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/alerts");
        assertThat(browser.get("/alerts?state=acknowledged").body()).contains("Seen at the daily meeting");
        assertThat(browser.get("/alerts?state=nonsense").statusCode()).isEqualTo(400);

        HttpResponse<String> admin =
                new PageClient(APP.getLocalPort()).signIn(ADMIN, Staff.PASSWORD).get("/alerts");
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    @Test
    void the_case_page_shows_the_viewers_alerts_with_their_form_and_returns_there() {
        String participantId = caseWithAnIncident();
        JsonNode alert = openOn(ADVOCATE, participantId);
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(ADVOCATE, Staff.PASSWORD);

        String page = browser.get("/cases/" + participantId).body();
        assertThat(page).contains("data-test=\"case-alerts\"").contains("An incident was recorded");
        HttpResponse<String> done = browser.post(
                "/alerts/" + alert.get("id").asText() + "/acknowledgement",
                browser.withToken("/cases/" + participantId, Map.of("note", "Noted", "from", "case")));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + participantId);
        assertThat(browser.get("/cases/" + participantId).body())
                .contains("Acknowledged")
                .contains("Noted");

        String leads = new PageClient(APP.getLocalPort())
                .signIn(LEAD, Staff.PASSWORD)
                .get("/cases/" + participantId)
                .body();
        // the lead reads the case but was not told of the team's incident
        assertThat(leads).doesNotContain("An incident was recorded");
    }
}
