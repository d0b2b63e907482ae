package org.desist.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Incidents, and through them the life every case record shares: amend with history, entered in error. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class IncidentRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("INC");
        cases.site("OTH");
    }

    static Map<String, Object> incident(String kind, String occurredOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("occurredOn", occurredOn);
        body.put("source", "police");
        body.put("details", "Messages sent to the victim from a new account <script>alert(1)</script>");
        return body;
    }

    @Test
    void an_incident_is_recorded_amended_with_its_history_and_marked_entered_in_error() {
        String participant = cases.participant("INC");
        String base = "/participants/" + participant + "/incidents";
        Reply created = api.post(base, incident("contact_with_victim", "2026-03-01"));
        JsonNode incident = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(incident.get("details").asText()).contains("<script>alert(1)</script>");
        assertThat(incident.get("status").asText()).isEqualTo("active");
        String id = incident.get("id").asText();

        Reply noReason = api.patch(base + "/" + id, Map.of("kind", "breach_of_order"), "\"1\"");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.fieldsAtFault()).containsExactly("reason");
        assertThat(api.because("typo")
                        .patch(base + "/" + id, Map.of("kind", "breach_of_order"), null)
                        .status())
                .isEqualTo(428);
        assertThat(api.because("typo")
                        .patch(base + "/" + id, Map.of("kind", "breach_of_order"), "\"7\"")
                        .status())
                .isEqualTo(412);
        assertThat(api.because("typo")
                        .patch(base + "/" + id, Map.of("id", "x"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("id");
        assertThat(api.because("typo")
                        .patch(base + "/" + id, Map.of("kind", "stalking"), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("kind");
        assertThat(Cases.ok(api.get(base + "/" + id)).get("version").asInt()).isEqualTo(1);

        Reply amended = api.because("Order in force at the time")
                .patch(base + "/" + id, Map.of("kind", "breach_of_order"), "\"1\"");
        assertThat(Cases.ok(amended).get("kind").asText()).isEqualTo("breach_of_order");
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(amended.json().get("details").asText())
                .isEqualTo(incident.get("details").asText());

        JsonNode history = Cases.ok(api.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("record").get("kind").asText()).isEqualTo("contact_with_victim");
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(history.get(1).get("record").get("kind").asText()).isEqualTo("breach_of_order");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Order in force at the time");
        assertThat(history.get(1).get("recordedBy").asText()).isEqualTo("tester");

        Reply marked = api.post(base + "/" + id + "/entered-in-error", Map.of("reason", "Wrong participant"));
        assertThat(marked.status()).isEqualTo(428);
        marked = api.send(
                "POST",
                base + "/" + id + "/entered-in-error",
                Map.of("reason", "Wrong participant"),
                Map.of("If-Match", "\"2\""));
        assertThat(Cases.ok(marked).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(marked.json().get("errorReason").asText()).isEqualTo("Wrong participant");
        assertThat(api.because("again")
                        .patch(base + "/" + id, Map.of("kind", "arrest"), "\"3\"")
                        .status())
                .isEqualTo(409);
        assertThat(Cases.ok(api.get(base)).get("items").get(0).get("status").asText())
                .isEqualTo("entered_in_error");
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(3);
    }

    @Test
    void dates_follow_the_case_and_lists_come_newest_first_within_a_range() {
        String participant = cases.participant("INC");
        String base = "/participants/" + participant + "/incidents";
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        assertThat(api.post(base, incident("arrest", tomorrow)).fieldsAtFault()).containsExactly("occurredOn");
        assertThat(api.post(base, incident("arrest", "2026-01-31")).fieldsAtFault())
                .containsExactly("occurredOn");
        assertThat(api.get(base).json().get("items")).isEmpty();

        for (String on : new String[] {"2026-03-01", "2026-05-01", "2026-04-01"}) {
            Cases.created(api.post(base, incident("arrest", on)));
        }
        JsonNode all = Cases.ok(api.get(base)).get("items");
        assertThat(all)
                .extracting(item -> item.get("occurredOn").asText())
                .containsExactly("2026-05-01", "2026-04-01", "2026-03-01");
        JsonNode april =
                Cases.ok(api.get(base + "?from=2026-03-15&to=2026-04-30")).get("items");
        assertThat(april).extracting(item -> item.get("occurredOn").asText()).containsExactly("2026-04-01");
        assertThat(api.get(base + "?from=2026-05-01&to=2026-04-01").status()).isEqualTo(400);
    }

    @Test
    void records_of_a_case_elsewhere_or_of_another_case_are_not_found() {
        String mine = cases.participant("INC");
        String theirs = cases.participant("OTH");
        String id = Cases.created(api.post("/participants/" + theirs + "/incidents", incident("arrest", "2026-03-01")))
                .get("id")
                .asText();
        assertThat(api.get("/participants/" + mine + "/incidents/" + id).status())
                .isEqualTo(404);

        Staff.ensure(APP, "pc.inc", Set.of(Role.police), Set.of("INC"));
        Api police = TestApp.as(APP, "pc.inc");
        assertThat(police.get("/participants/" + theirs + "/incidents").status())
                .isEqualTo(404);
        assertThat(police.post("/participants/" + theirs + "/incidents", incident("arrest", "2026-03-01"))
                        .status())
                .isEqualTo(404);
        assertThat(police.post("/participants/" + mine + "/incidents", incident("arrest", "2026-03-01"))
                        .status())
                .isEqualTo(201);
        Staff.ensure(APP, "lead.inc", Set.of(Role.programme_lead), Set.of());
        assertThat(TestApp.as(APP, "lead.inc")
                        .get("/participants/" + mine + "/incidents")
                        .status())
                .isEqualTo(403);
    }
}
