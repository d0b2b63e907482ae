package org.desist.victimsafety;

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

/** Victim-safety concerns: the advocate's to record, the victim known only by the referral's reference. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class VictimSafetyRecordTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;
    static Api advocate;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("VSF");
        cases.site("OTH");
        Staff.ensure(APP, "advocate.vsf", Set.of(Role.advocate), Set.of("VSF"));
        advocate = TestApp.as(APP, "advocate.vsf");
    }

    static Map<String, Object> concern(String raisedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("raisedOn", raisedOn);
        body.put("concern", "Victim saw his car outside her workplace twice this week & is \"terrified\" <img src=x>");
        body.put("actionTaken", "Safety plan reviewed; panic alarm requested from the police");
        return body;
    }

    @Test
    void the_advocate_records_a_concern_about_the_referral_victim_and_amends_it_with_history() {
        String participant = cases.participant("VSF");
        String base = "/participants/" + participant + "/victim-safety";
        Reply created = advocate.post(base, concern("2026-03-10"));
        JsonNode recorded = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(recorded.get("victimRef").asText()).isEqualTo("VA-2026-0147");
        assertThat(recorded.get("concern").asText()).isEqualTo(concern("x").get("concern"));
        assertThat(recorded.get("recordedBy").asText()).isEqualTo("advocate.vsf");
        assertThat(recorded.fieldNames()).toIterable().doesNotContain("victimName", "victimAddress", "victim");
        String id = recorded.get("id").asText();

        JsonNode pending = Cases.created(advocate.post(
                base, Map.of("raisedOn", "2026-03-12", "concern", "Unknown number calling the victim at night")));
        assertThat(pending.get("actionTaken").isNull()).isTrue();
        assertThat(Cases.ok(advocate.get(base)).get("items"))
                .extracting(item -> item.get("raisedOn").asText())
                .containsExactly("2026-03-12", "2026-03-10");

        Reply amended = advocate.because("Police response confirmed")
                .patch(
                        base + "/" + id,
                        Map.of("actionTaken", "Panic alarm fitted by the police on 2026-03-11"),
                        "\"1\"");
        assertThat(Cases.ok(amended).get("actionTaken").asText()).startsWith("Panic alarm fitted");
        assertThat(amended.json().get("victimRef").asText()).isEqualTo("VA-2026-0147");
        JsonNode history = Cases.ok(advocate.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("record").get("actionTaken").asText()).startsWith("Safety plan reviewed");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Police response confirmed");

        assertThat(advocate.because("x")
                        .patch(base + "/" + id, Map.of("victimRef", "VA-2026-9999"), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("victimRef");
        assertThat(advocate.because("x")
                        .patch(base + "/" + id, Map.of("concern", ""), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("concern");
        assertThat(Cases.ok(advocate.get(base + "/" + id)).get("version").asInt())
                .isEqualTo(2);

        JsonNode marked = Cases.ok(advocate.send(
                "POST",
                base + "/" + id + "/entered-in-error",
                Map.of("reason", "Concern belongs to another case"),
                Map.of("If-Match", "\"2\"")));
        assertThat(marked.get("status").asText()).isEqualTo("entered_in_error");
    }

    @Test
    void clinicians_probation_and_police_read_concerns_but_only_the_advocate_records_them() {
        String participant = cases.participant("VSF");
        String base = "/participants/" + participant + "/victim-safety";
        String id = Cases.created(advocate.post(base, concern("2026-03-10")))
                .get("id")
                .asText();

        for (Role role : new Role[] {Role.clinician, Role.probation, Role.police}) {
            String user = role.name() + ".vsf";
            Staff.ensure(APP, user, Set.of(role), Set.of("VSF"));
            Api reader = TestApp.as(APP, user);
            assertThat(Cases.ok(reader.get(base + "/" + id)).get("concern").asText())
                    .as(user)
                    .isEqualTo(concern("x").get("concern"));
            assertThat(Cases.ok(reader.get(base)).get("items")).as(user).hasSize(1);
            assertThat(Cases.ok(reader.get(base + "/" + id + "/history")).get("items"))
                    .as(user)
                    .hasSize(1);
            assertThat(reader.post(base, concern("2026-03-11")).status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(reader.because("x")
                            .patch(base + "/" + id, Map.of("concern", "changed"), "\"1\"")
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        for (Role role : new Role[] {Role.cps, Role.programme_lead, Role.admin}) {
            String user = role.name() + ".vsf";
            Staff.ensure(APP, user, Set.of(role), Set.of("VSF"));
            Api other = TestApp.as(APP, user);
            assertThat(other.get(base).status()).as(user).isEqualTo(403);
            assertThat(other.get(base + "/" + id).status()).as(user).isEqualTo(403);
            assertThat(other.post(base, concern("2026-03-11")).status())
                    .as(user)
                    .isEqualTo(403);
        }
        Staff.ensure(APP, "advocate.oth", Set.of(Role.advocate), Set.of("OTH"));
        assertThat(TestApp.as(APP, "advocate.oth").get(base + "/" + id).status())
                .isEqualTo(404);
        assertThat(TestApp.as(APP, "advocate.oth")
                        .post(base, concern("2026-03-11"))
                        .status())
                .isEqualTo(404);
        assertThat(Cases.ok(advocate.get(base)).get("items")).hasSize(1);
    }

    @Test
    void dates_bodies_and_victim_references_are_checked_and_nothing_is_stored_when_refused() {
        String participant = cases.participant("VSF");
        String base = "/participants/" + participant + "/victim-safety";
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        refused(base, concern(tomorrow), "raisedOn");
        refused(base, concern("2026-01-31"), "raisedOn");
        refused(base, concern("10/03/2026"), "raisedOn");
        Map<String, Object> noConcern = concern("2026-03-10");
        noConcern.remove("concern");
        refused(base, noConcern, "concern");
        Map<String, Object> victimName = concern("2026-03-10");
        victimName.put("victimName", "Jane Doe");
        refused(base, victimName, "victimName");
        Map<String, Object> identity = concern("2026-03-10");
        identity.put("victimRef", "Jane Doe, 4 High St");
        refused(base, identity, "victimRef");
        Map<String, Object> stranger = concern("2026-03-10");
        stranger.put("victimRef", "VA-2026-9999");
        refused(base, stranger, "victimRef");
        assertThat(Cases.ok(advocate.get(base)).get("items")).isEmpty();
    }

    @Test
    void a_case_referred_about_two_victims_names_which_one_a_concern_is_about() {
        JsonNode first = cases.referral("VSF", "2026-02-01");
        String participant = first.get("participantId").asText();
        Map<String, Object> second = Cases.referralOf("VSF", "2026-02-20", participant);
        second.put("victimRef", "VA-2026-0211");
        Cases.created(api.post("/referrals", second));

        String base = "/participants/" + participant + "/victim-safety";
        Reply ambiguous = advocate.post(base, concern("2026-03-10"));
        assertThat(ambiguous.status()).isEqualTo(422);
        assertThat(ambiguous.fieldsAtFault()).containsExactly("victimRef");
        assertThat(ambiguous.json().get("errors").get(0).get("reason").asText())
                .contains("VA-2026-0147", "VA-2026-0211");

        Map<String, Object> named = concern("2026-03-10");
        named.put("victimRef", "VA-2026-0211");
        assertThat(Cases.created(advocate.post(base, named)).get("victimRef").asText())
                .isEqualTo("VA-2026-0211");
        assertThat(Cases.ok(advocate.get(base)).get("items")).hasSize(1);
    }

    private static void refused(String base, Map<String, Object> body, String field) {
        Reply reply = advocate.post(base, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
    }
}
