package org.desist.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Assessments through HTTP: their life as records, their strict fields, and what each role may see of them. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AssessmentRecordTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String FORMULATION = "Rejected ex-partner; \"fixation\" sustained by rumination <b>and</b> alcohol\n"
            + "Plan: CBT for rumination";
    static Api api;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("ASM");
        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Staff.ensure(APP, role + ".asm", Set.of(role), Set.of("ASM"));
        }
        Staff.ensure(APP, "lead.asm", Set.of(Role.programme_lead), Set.of());
    }

    static Map<String, Object> assessment(String assessedOn) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        ratings.put("violence", "low");
        ratings.put("persistence", "high");
        ratings.put("recurrence", "moderate");
        ratings.put("psychosocial_damage", "high");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "risk");
        body.put("assessedOn", assessedOn);
        body.put("assessor", "Dr A. Mensah");
        body.put("instrument", "SRP");
        body.put("riskRatings", ratings);
        body.put("overallRisk", "high");
        body.put("stalkerType", "rejected");
        body.put("relationship", "ex_intimate");
        body.put(
                "diagnoses",
                new ArrayList<>(List.of(
                        diagnosis("ICD-10", "F60.3", "Emotionally unstable personality disorder"),
                        diagnosis("ICD-11", "6C40.2", "Alcohol dependence"))));
        body.put("substanceMisuse", List.of("alcohol", "cannabis"));
        body.put("formulation", FORMULATION);
        return body;
    }

    static Map<String, Object> diagnosis(String system, String code, String label) {
        Map<String, Object> diagnosis = new LinkedHashMap<>();
        diagnosis.put("system", system);
        diagnosis.put("code", code);
        diagnosis.put("label", label);
        return diagnosis;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> ratings(Map<String, Object> body) {
        return (Map<String, Object>) body.get("riskRatings");
    }

    static String base(String participant) {
        return "/participants/" + participant + "/assessments";
    }

    @Test
    void an_assessment_is_recorded_read_listed_amended_with_its_history_and_marked_entered_in_error() {
        String base = base(cases.participant("ASM"));
        Reply created = api.post(base, assessment("2026-02-20"));
        JsonNode record = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(record.get("instrument").asText()).isEqualTo("SRP");
        assertThat(record.get("riskRatings").get("psychosocial_damage").asText())
                .isEqualTo("high");
        assertThat(record.get("riskRatings").has("psychosocialDamage")).isFalse();
        assertThat(record.get("riskRatings").get("violence").asText()).isEqualTo("low");
        assertThat(record.get("diagnoses").get(0).get("system").asText()).isEqualTo("ICD-10");
        assertThat(record.get("diagnoses").get(1).get("system").asText()).isEqualTo("ICD-11");
        assertThat(record.get("diagnoses").get(1).get("code").asText()).isEqualTo("6C40.2");
        assertThat(record.get("substanceMisuse")).extracting(JsonNode::asText).containsExactly("alcohol", "cannabis");
        assertThat(record.get("formulation").asText()).isEqualTo(FORMULATION);
        assertThat(created.text()).contains("\\\"fixation\\\"", "\\n");
        assertThat(record.get("status").asText()).isEqualTo("active");
        String id = record.get("id").asText();
        assertThat(created.header("Location")).endsWith(base + "/" + id);

        assertThat(stored(id))
                .containsExactly(
                        "SRP",
                        "low",
                        "high",
                        "[{\"system\":\"ICD-10\",\"code\":\"F60.3\",\"label\":\"Emotionally unstable personality disorder\"},"
                                + "{\"system\":\"ICD-11\",\"code\":\"6C40.2\",\"label\":\"Alcohol dependence\"}]",
                        "[\"alcohol\",\"cannabis\"]");

        Map<String, Object> bare = assessment("2026-03-02");
        bare.remove("stalkerType");
        bare.remove("relationship");
        bare.remove("diagnoses");
        bare.remove("substanceMisuse");
        bare.remove("formulation");
        bare.put("kind", "psychiatric");
        bare.put("instrument", "clinical_interview");
        JsonNode second = Cases.created(api.post(base, bare));
        assertThat(second.get("diagnoses")).isEmpty();
        assertThat(second.get("substanceMisuse")).isEmpty();
        assertThat(second.get("formulation").isNull()).isTrue();
        assertThat(second.get("stalkerType").isNull()).isTrue();

        JsonNode list = Cases.ok(api.get(base)).get("items");
        assertThat(list)
                .extracting(item -> item.get("assessedOn").asText())
                .containsExactly("2026-03-02", "2026-02-20");
        assertThat(Cases.ok(api.get(base + "?to=2026-02-28")).get("items")).hasSize(1);
        Reply read = api.get(base + "/" + id);
        assertThat(Cases.ok(read)).isEqualTo(record);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put(
                "riskRatings",
                Map.of(
                        "violence",
                        "moderate",
                        "persistence",
                        "high",
                        "recurrence",
                        "moderate",
                        "psychosocial_damage",
                        "low"));
        patch.put("diagnoses", List.of(diagnosis("ICD-11", "6D10.1", "Personality disorder, moderate")));
        patch.put("formulation", "Revised after collateral history");
        assertThat(api.patch(base + "/" + id, patch, "\"1\"").fieldsAtFault()).containsExactly("reason");
        assertThat(api.because("x").patch(base + "/" + id, patch, null).status())
                .isEqualTo(428);
        Reply amended = api.because("Collateral history").patch(base + "/" + id, patch, "\"1\"");
        JsonNode now = Cases.ok(amended);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(now.get("riskRatings").get("violence").asText()).isEqualTo("moderate");
        assertThat(now.get("riskRatings").get("psychosocial_damage").asText()).isEqualTo("low");
        assertThat(now.get("diagnoses")).hasSize(1);
        assertThat(now.get("substanceMisuse")).hasSize(2);
        assertThat(now.get("amendedBy").asText()).isEqualTo("tester");
        assertThat(stored(id).get(1)).isEqualTo("moderate");

        // a merge patch of one domain leaves the other three as they were (RFC 7396 merges nested objects)
        JsonNode oneDomain = Cases.ok(api.because("Violence re-rated")
                .patch(base + "/" + id, Map.of("riskRatings", Map.of("violence", "high")), "\"2\""));
        assertThat(oneDomain.get("riskRatings").get("violence").asText()).isEqualTo("high");
        assertThat(oneDomain.get("riskRatings").get("persistence").asText()).isEqualTo("high");
        assertThat(oneDomain.get("riskRatings").get("recurrence").asText()).isEqualTo("moderate");
        assertThat(oneDomain.get("riskRatings").get("psychosocial_damage").asText())
                .isEqualTo("low");

        JsonNode history = Cases.ok(api.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).get("record").get("formulation").asText()).isEqualTo(FORMULATION);
        assertThat(history.get(0)
                        .get("record")
                        .get("riskRatings")
                        .get("psychosocial_damage")
                        .asText())
                .isEqualTo("high");
        assertThat(history.get(0).get("record").get("diagnoses")).hasSize(2);
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Collateral history");
        assertThat(history.get(1).get("record")).isEqualTo(now);
        assertThat(history.get(2).get("record")).isEqualTo(oneDomain);

        Reply marked = api.send(
                "POST",
                base + "/" + id + "/entered-in-error",
                Map.of("reason", "Wrong participant"),
                Map.of("If-Match", "\"3\""));
        assertThat(Cases.ok(marked).get("status").asText()).isEqualTo("entered_in_error");
        assertThat(api.because("again")
                        .patch(base + "/" + id, Map.of("overallRisk", "low"), "\"4\"")
                        .status())
                .isEqualTo(409);
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(4);
    }

    @Test
    void every_bad_input_is_refused_naming_its_field_and_nothing_is_written() {
        String participant = cases.participant("ASM");
        String base = base(participant);
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();

        refused(base, body -> body.put("kind", "forensic"), "kind", "must be one of: psychiatric, psychological, risk");
        refused(
                base,
                body -> body.put("instrument", "srp"),
                "instrument",
                "must be one of: SRP, SAM, clinical_interview, other");
        refused(
                base,
                body -> ratings(body).put("violence", "extreme"),
                "riskRatings.violence",
                "must be one of: low, moderate, high");
        refused(
                base,
                body -> ratings(body).put("psychosocial_damage", "HIGH"),
                "riskRatings.psychosocial_damage",
                "must be one of: low, moderate, high");
        refused(
                base,
                body -> body.put("overallRisk", "very_high"),
                "overallRisk",
                "must be one of: low, moderate, high");
        refused(
                base,
                body -> body.put("stalkerType", "intimacy-seeking"),
                "stalkerType",
                "must be one of: rejected, resentful, intimacy_seeking, incompetent_suitor, predatory");
        refused(
                base,
                body -> body.put("relationship", "partner"),
                "relationship",
                "must be one of: ex_intimate, acquaintance, workplace, professional_contact, stranger, other");
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD10", "F60.3", null))),
                "diagnoses[0].system",
                "must be one of: ICD-10, ICD-11");
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD_10", "F60.3", null))),
                "diagnoses[0].system",
                "must be one of: ICD-10, ICD-11");

        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD-10", "6D10.1", null))),
                "diagnoses[0].code",
                "must be an ICD-10 code like F60.3");
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD-10", "f60.3", null))),
                "diagnoses[0].code",
                "must be an ICD-10 code like F60.3");
        refused(
                base,
                body -> body.put(
                        "diagnoses", List.of(diagnosis("ICD-11", "6D10.1", null), diagnosis("ICD-11", "F60.3", null))),
                "diagnoses[1].code",
                "must be an ICD-11 code like 6D10.1");
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD-11", "6D1", null))),
                "diagnoses[0].code",
                "must be an ICD-11 code like 6D10.1");
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis("ICD-10", " ", null))),
                "diagnoses[0].code",
                null);
        refused(
                base,
                body -> body.put("diagnoses", List.of(diagnosis(null, "F60.3", null))),
                "diagnoses[0].system",
                null);
        refused(
                base,
                body -> body.put("diagnoses", Collections.nCopies(21, diagnosis("ICD-10", "F60.3", null))),
                "diagnoses",
                null);

        refused(
                base,
                body -> ratings(body).remove("psychosocial_damage"),
                "riskRatings.psychosocial_damage",
                "must not be null");
        refused(base, body -> ratings(body).remove("violence"), "riskRatings.violence", "must not be null");
        refused(base, body -> ratings(body).put("fixation", "high"), "riskRatings.fixation", "is not a known field");
        refused(base, body -> body.remove("riskRatings"), "riskRatings", "must not be null");
        for (String required : List.of("kind", "assessedOn", "assessor", "instrument", "overallRisk")) {
            refused(base, body -> body.remove(required), required, null);
        }

        refused(base, body -> body.put("assessedOn", tomorrow), "assessedOn", "must not be in the future");
        refused(
                base,
                body -> body.put("assessedOn", "2026-01-31"),
                "assessedOn",
                "must not be before the participant's referral (2026-02-01)");
        refused(base, body -> body.put("assessedOn", "2026-02-30"), "assessedOn", null);
        refused(base, body -> body.put("substanceMisuse", List.of("x".repeat(51))), "substanceMisuse[0]", null);
        refused(base, body -> body.put("substanceMisuse", Collections.nCopies(21, "alcohol")), "substanceMisuse", null);
        refused(base, body -> body.put("formulation", "x".repeat(20001)), "formulation", null);
        refused(base, body -> body.put("participantId", participant), "participantId", "is not a known field");
        assertThat(Cases.ok(api.get(base)).get("items")).isEmpty();

        Map<String, Object> longest = assessment("2026-02-01");
        longest.put("formulation", "x".repeat(20000));
        String id = Cases.created(api.post(base, longest)).get("id").asText();
        String amend = base + "/" + id;
        Api because = api.because("Recoded");
        Reply badCode = because.patch(amend, Map.of("diagnoses", List.of(diagnosis("ICD-10", "6D10.1", "x"))), "\"1\"");
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.fieldsAtFault()).containsExactly("diagnoses[0].code");
        Map<String, Object> cleared = new LinkedHashMap<>();
        cleared.put("persistence", null);
        cleared.put("psychosocial_damage", null);
        assertThat(because.patch(amend, Map.of("riskRatings", cleared), "\"1\"").fieldsAtFault())
                .containsExactly("riskRatings.persistence", "riskRatings.psychosocial_damage");
        assertThat(because.patch(amend, Map.of("riskRatings", Map.of("violence", "extreme")), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("riskRatings.violence");
        assertThat(because.patch(amend, Map.of("riskRatings", Map.of("fixation", "low")), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("riskRatings.fixation");
        assertThat(because.patch(amend, Map.of("assessedOn", tomorrow), "\"1\"").fieldsAtFault())
                .containsExactly("assessedOn");
        assertThat(because.patch(amend, Map.of("instrument", "SRP-2"), "\"1\"").fieldsAtFault())
                .containsExactly("instrument");
        assertThat(because.patch(amend, Map.of("id", "other"), "\"1\"").fieldsAtFault())
                .containsExactly("id");
        JsonNode unchanged = Cases.ok(api.get(base + "/" + id));
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);
        assertThat(unchanged.get("diagnoses").get(0).get("code").asText()).isEqualTo("F60.3");
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(1);
    }

    private static void refused(String base, Consumer<Map<String, Object>> spoil, String field, String reason) {
        Map<String, Object> body = assessment("2026-02-10");
        spoil.accept(body);
        Reply reply = api.post(base, body);
        assertThat(reply.status()).as(field + ": " + reply).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
        if (reason != null) {
            assertThat(reply.json().get("errors").get(0).get("reason").asText()).isEqualTo(reason);
        }
    }

    @Test
    void each_role_sees_what_it_may_in_the_list_the_record_and_its_history() {
        String base = base(cases.participant("ASM"));
        String id = Cases.created(api.post(base, assessment("2026-02-20")))
                .get("id")
                .asText();
        Cases.ok(api.because("Second opinion").patch(base + "/" + id, Map.of("overallRisk", "moderate"), "\"1\""));

        for (Role role : List.of(Role.clinician, Role.probation, Role.police, Role.advocate, Role.cps)) {
            Api reader = TestApp.as(APP, role + ".asm");
            Reply list = reader.get(base);
            Reply one = reader.get(base + "/" + id);
            Reply history = reader.get(base + "/" + id + "/history");
            List<JsonNode> seen = new ArrayList<>();
            seen.add(Cases.ok(list).get("items").get(0));
            seen.add(Cases.ok(one));
            Cases.ok(history).get("items").forEach(version -> seen.add(version.get("record")));
            assertThat(seen).hasSize(4);
            boolean clinician = role == Role.clinician;
            boolean healthDetail = clinician || role == Role.probation;
            for (JsonNode record : seen) {
                assertThat(record.get("formulation").isNull())
                        .as(role + " formulation")
                        .isEqualTo(!clinician);
                assertThat(record.get("diagnoses").isNull())
                        .as(role + " diagnoses")
                        .isEqualTo(!healthDetail);
                assertThat(record.get("substanceMisuse").isNull())
                        .as(role + " substances")
                        .isEqualTo(!healthDetail);
                assertThat(record.get("stalkerType").isNull())
                        .as(role + " type")
                        .isEqualTo(!healthDetail);
                if (healthDetail) {
                    assertThat(record.get("diagnoses").get(0).get("code").asText())
                            .isEqualTo("F60.3");
                    assertThat(record.get("stalkerType").asText()).isEqualTo("rejected");
                }
                assertThat(record.get("kind").asText()).isEqualTo("risk");
                assertThat(record.get("assessedOn").asText()).isEqualTo("2026-02-20");
                assertThat(record.get("instrument").asText()).isEqualTo("SRP");
                assertThat(record.get("relationship").asText()).isEqualTo("ex_intimate");
                assertThat(record.get("riskRatings").get("persistence").asText())
                        .isEqualTo("high");
                assertThat(record.get("riskRatings").get("psychosocial_damage").asText())
                        .isEqualTo("high");
                assertThat(record.get("overallRisk").asText()).isIn("high", "moderate");
            }
            for (Reply reply : List.of(list, one, history)) {
                assertThat(reply.text().contains("rumination"))
                        .as(role + " text")
                        .isEqualTo(clinician);
                assertThat(reply.text().contains("F60.3")).as(role + " codes").isEqualTo(healthDetail);
                assertThat(reply.text().contains("cannabis"))
                        .as(role + " substances")
                        .isEqualTo(healthDetail);
            }
        }

        Api lead = TestApp.as(APP, "lead.asm");
        assertThat(lead.get(base).status()).isEqualTo(403);
        assertThat(lead.get(base + "/" + id + "/history").status()).isEqualTo(403);
        for (String writer : List.of("probation.asm", "police.asm", "advocate.asm", "cps.asm")) {
            assertThat(TestApp.as(APP, writer)
                            .post(base, assessment("2026-02-21"))
                            .status())
                    .as(writer)
                    .isEqualTo(403);
        }
        assertThat(TestApp.as(APP, "clinician.asm")
                        .post(base, assessment("2026-02-21"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void the_api_description_spells_the_fields_and_enums_as_the_wire_does() {
        JsonNode description = Cases.ok(api.get("/openapi.json"));
        assertThat(description.get("paths").has("/participants/{id}/assessments/{rid}/history"))
                .isTrue();
        JsonNode schemas = description.get("components").get("schemas");
        assertThat(schemas.get("RiskRatings").get("properties").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("violence", "persistence", "recurrence", "psychosocial_damage");
        assertThat(schemas.get("Diagnosis").get("properties").get("system").get("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("ICD-10", "ICD-11");
        assertThat(schemas.get("NewAssessment")
                        .get("properties")
                        .get("instrument")
                        .get("enum"))
                .extracting(JsonNode::asText)
                .containsExactly("SRP", "SAM", "clinical_interview", "other");
    }

    /** instrument, risk_violence, risk_psychosocial_damage, diagnoses, substance_misuse as the table holds them. */
    private static List<String> stored(String id) {
        try (Databases.Opened database = Databases.open(DATABASE.factory(), false, "test-read")) {
            return database.jdbi().withHandle(handle -> handle.createQuery("SELECT instrument, risk_violence,"
                            + " risk_psychosocial_damage, diagnoses, substance_misuse FROM assessment WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> List.of(
                            rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                    .one());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
