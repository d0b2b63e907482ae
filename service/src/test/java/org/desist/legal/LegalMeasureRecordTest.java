package org.desist.legal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.desist.auth.Role;
import org.desist.caserecord.RecordStatus;
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

/** Legal measures through HTTP: their life as records, their dates, and whether each is in force today. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class LegalMeasureRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    static final String CONDITIONS = "Not to contact \"V\" directly or indirectly;\nnot to enter Church Street <b>";
    static Api api;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("LGL");
        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Staff.ensure(APP, role + ".lgl", Set.of(role), Set.of("LGL"));
        }
        Staff.ensure(APP, "lead.lgl", Set.of(Role.programme_lead), Set.of());
    }

    static Map<String, Object> measure(String kind, Object from, Object until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("from", from == null ? null : from.toString());
        body.put("until", until == null ? null : until.toString());
        body.put("conditions", CONDITIONS);
        return body;
    }

    static String base(String participant) {
        return "/participants/" + participant + "/legal-measures";
    }

    @Test
    void a_measure_is_recorded_read_listed_amended_with_its_history_and_marked_entered_in_error() {
        String base = base(cases.participant("LGL"));
        // made before the referral (2026-02-01): allowed, an order may predate the case
        Reply created = api.post(base, measure("stalking_protection_order", "2025-11-03", null));
        JsonNode record = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(record.get("kind").asText()).isEqualTo("stalking_protection_order");
        assertThat(record.get("from").asText()).isEqualTo("2025-11-03");
        assertThat(record.get("until").isNull()).isTrue();
        assertThat(record.get("conditions").asText()).isEqualTo(CONDITIONS);
        assertThat(created.text()).contains("\\\"V\\\"", "\\n");
        assertThat(record.get("inForce").asBoolean()).isTrue();
        String id = record.get("id").asText();

        Cases.created(api.post(base, measure("bail_conditions", "2026-02-05", "2026-03-05")));
        JsonNode list = Cases.ok(api.get(base)).get("items");
        assertThat(list).extracting(item -> item.get("from").asText()).containsExactly("2026-02-05", "2025-11-03");
        assertThat(list).extracting(item -> item.get("inForce").asBoolean()).containsExactly(false, true);
        assertThat(Cases.ok(api.get(base + "?to=2026-01-01")).get("items")).hasSize(1);
        assertThat(Cases.ok(api.get(base + "/" + id))).isEqualTo(record);

        String yesterday = TODAY.minusDays(1).toString();
        Reply amended = api.because("Order discharged").patch(base + "/" + id, Map.of("until", yesterday), "\"1\"");
        JsonNode now = Cases.ok(amended);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(now.get("until").asText()).isEqualTo(yesterday);
        assertThat(now.get("inForce").asBoolean()).isFalse();
        assertThat(now.get("conditions").asText()).isEqualTo(CONDITIONS);

        JsonNode history = Cases.ok(api.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("record").get("until").isNull()).isTrue();
        assertThat(history.get(0).get("record").get("inForce").asBoolean()).isTrue();
        assertThat(history.get(0).get("reason").isNull()).isTrue();
        assertThat(history.get(1).get("record")).isEqualTo(now);
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Order discharged");

        Cases.ok(api.because("Discharge set aside").patch(base + "/" + id, mapWithNull("until"), "\"2\""));
        assertThat(Cases.ok(api.get(base + "/" + id)).get("inForce").asBoolean())
                .isTrue();

        Reply marked = api.send(
                "POST",
                base + "/" + id + "/entered-in-error",
                Map.of("reason", "Another case's order"),
                Map.of("If-Match", "\"3\""));
        assertThat(Cases.ok(marked).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(api.because("again")
                        .patch(base + "/" + id, Map.of("kind", "restraining_order"), "\"4\"")
                        .status())
                .isEqualTo(409);
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(4);
    }

    @Test
    void in_force_is_worked_out_for_today_in_london() {
        String base = base(cases.participant("LGL"));
        String today = TODAY.toString();
        Object[][] spans = {
            {"2026-02-01", null, true},
            {today, null, true},
            {"2026-02-01", today, true},
            {today, today, true},
            {"2026-02-01", TODAY.minusDays(1), false},
            {TODAY.plusDays(1), null, false},
            {TODAY.plusDays(1), TODAY.plusDays(400), false},
            {TODAY.minusDays(30), TODAY.plusDays(30), true},
        };
        for (Object[] c : spans) {
            JsonNode record = Cases.created(api.post(base, measure("electronic_monitoring", c[0], c[1])));
            assertThat(record.get("inForce").asBoolean()).as(c[0] + ".." + c[1]).isEqualTo(c[2]);
            String id = record.get("id").asText();
            assertThat(Cases.ok(api.get(base + "/" + id)).get("inForce").asBoolean())
                    .isEqualTo(c[2]);
        }
    }

    @Test
    void in_force_on_a_day_is_from_through_until_inclusive() {
        LocalDate from = LocalDate.parse("2026-03-01");
        LegalMeasure open = record(from, null);
        assertThat(open.inForceOn(from.minusDays(1))).isFalse();
        assertThat(open.inForceOn(from)).isTrue();
        assertThat(open.inForceOn(from.plusYears(5))).isTrue();
        LegalMeasure bounded = record(from, LocalDate.parse("2026-03-31"));
        assertThat(bounded.inForceOn(LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(bounded.inForceOn(LocalDate.parse("2026-04-01"))).isFalse();
        LegalMeasure oneDay = record(from, from);
        assertThat(oneDay.inForceOn(from)).isTrue();
        assertThat(oneDay.inForceOn(from.plusDays(1))).isFalse();
    }

    @Test
    void the_api_description_shows_in_force_as_read_only() {
        JsonNode description = Cases.ok(api.get("/openapi.json"));
        assertThat(description.get("paths").has("/participants/{id}/legal-measures/{rid}/entered-in-error"))
                .isTrue();
        JsonNode schemas = description.get("components").get("schemas");
        assertThat(schemas.get("LegalMeasure")
                        .get("properties")
                        .get("inForce")
                        .get("readOnly")
                        .asBoolean())
                .isTrue();
        assertThat(schemas.get("NewLegalMeasure").get("properties").has("inForce"))
                .isFalse();
    }

    private static LegalMeasure record(LocalDate from, LocalDate until) {
        return new LegalMeasure(
                "m",
                "p",
                LegalMeasureKind.restraining_order,
                from,
                until,
                null,
                RecordStatus.active,
                null,
                1,
                java.time.Instant.EPOCH,
                "tester",
                null,
                null);
    }

    @Test
    void every_bad_input_is_refused_naming_its_field_and_nothing_is_written() {
        String participant = cases.participant("LGL");
        String base = base(participant);
        refused(
                base,
                body -> body.put("kind", "curfew"),
                "kind",
                "must be one of: stalking_protection_order,"
                        + " restraining_order, licence_conditions, electronic_monitoring, bail_conditions");
        refused(base, body -> body.put("kind", "Stalking_Protection_Order"), "kind", null);
        refused(base, body -> body.remove("kind"), "kind", "must not be null");
        refused(base, body -> body.remove("from"), "from", "must not be null");
        refused(base, body -> body.put("from", "2026-02-30"), "from", "must be an ISO-8601 date (yyyy-mm-dd)");
        refused(base, body -> body.put("until", "next year"), "until", "must be an ISO-8601 date (yyyy-mm-dd)");
        refused(base, body -> body.put("until", "2026-03-31"), "until", "must not be before from (2026-04-01)");
        refused(base, body -> body.put("conditions", "x".repeat(4001)), "conditions", null);
        refused(base, body -> body.put("inForce", true), "inForce", "is not a known field");
        refused(base, body -> body.put("participantId", participant), "participantId", "is not a known field");
        assertThat(Cases.ok(api.get(base)).get("items")).isEmpty();

        String id = Cases.created(api.post(base, measure("licence_conditions", "2026-04-01", "2026-09-30")))
                .get("id")
                .asText();
        String amend = base + "/" + id;
        Api because = api.because("Corrected");
        Reply early = because.patch(amend, Map.of("until", "2026-03-01"), "\"1\"");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.fieldsAtFault()).containsExactly("until");
        assertThat(because.patch(amend, Map.of("from", "2026-10-01"), "\"1\"").fieldsAtFault())
                .containsExactly("until");
        assertThat(because.patch(amend, mapWithNull("from"), "\"1\"").fieldsAtFault())
                .containsExactly("from");
        assertThat(because.patch(amend, Map.of("kind", "tag"), "\"1\"").fieldsAtFault())
                .containsExactly("kind");
        assertThat(because.patch(amend, Map.of("inForce", false), "\"1\"").fieldsAtFault())
                .containsExactly("inForce");
        JsonNode unchanged = Cases.ok(api.get(base + "/" + id));
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);
        assertThat(unchanged.get("until").asText()).isEqualTo("2026-09-30");
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(1);
    }

    private static void refused(String base, Consumer<Map<String, Object>> spoil, String field, String reason) {
        Map<String, Object> body = measure("restraining_order", "2026-04-01", "2027-03-31");
        spoil.accept(body);
        Reply reply = api.post(base, body);
        assertThat(reply.status()).as(field + ": " + reply).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
        if (reason != null) {
            assertThat(reply.json().get("errors").get(0).get("reason").asText()).isEqualTo(reason);
        }
    }

    private static Map<String, Object> mapWithNull(String field) {
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(field, null);
        return patch;
    }

    @Test
    void every_reader_sees_a_measure_whole_and_only_the_agencies_that_impose_them_record_them() {
        String base = base(cases.participant("LGL"));
        String id = Cases.created(api.post(base, measure("restraining_order", "2026-01-20", null)))
                .get("id")
                .asText();
        Cases.ok(api.because("Varied").patch(base + "/" + id, Map.of("conditions", "Exclusion zone widened"), "\"1\""));
        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Api reader = TestApp.as(APP, role + ".lgl");
            JsonNode listed = Cases.ok(reader.get(base)).get("items").get(0);
            JsonNode one = Cases.ok(reader.get(base + "/" + id));
            JsonNode history =
                    Cases.ok(reader.get(base + "/" + id + "/history")).get("items");
            assertThat(listed).as(role.name()).isEqualTo(one);
            assertThat(one.get("conditions").asText()).as(role.name()).isEqualTo("Exclusion zone widened");
            assertThat(one.get("inForce").asBoolean()).isTrue();
            assertThat(history.get(0).get("record").get("conditions").asText()).isEqualTo(CONDITIONS);
        }
        Api lead = TestApp.as(APP, "lead.lgl");
        assertThat(lead.get(base).status()).isEqualTo(403);
        for (String writer : List.of("clinician.lgl", "cps.lgl")) {
            assertThat(TestApp.as(APP, writer)
                            .post(base, measure("bail_conditions", "2026-02-02", null))
                            .status())
                    .as(writer)
                    .isEqualTo(403);
        }
        for (String writer : List.of("police.lgl", "probation.lgl", "advocate.lgl")) {
            assertThat(TestApp.as(APP, writer)
                            .post(base, measure("bail_conditions", "2026-02-02", null))
                            .status())
                    .as(writer)
                    .isEqualTo(201);
        }
    }
}
