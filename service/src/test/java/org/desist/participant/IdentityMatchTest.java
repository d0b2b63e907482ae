package org.desist.participant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * Issue 13 §1: one person, one record. A second referral of a person already known finds the first instead of
 * opening a second case; search finds the person by name, NHS number, PNC id and date of birth.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class IdentityMatchTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;
    /** Police at IDMB only: cannot see IDMA. */
    static Api south;
    /** Police at IDMA and IDMB: may take a person of one site in at the other. */
    static Api both;
    /** Reads the audit log, across sites. */
    static Api auditor;

    @BeforeAll
    static void sites() {
        api = TestApp.api(APP);
        Cases cases = new Cases(api);
        Cases.created(api.post(
                "/sites", Map.of("code", "IDMA", "name", "Northshire Unit", "model", "threat_assessment_centre")));
        cases.site("IDMB");
        Staff.ensure(APP, "pc.south", Set.of(Role.police), Set.of("IDMB"));
        Staff.ensure(APP, "pc.both", Set.of(Role.police), Set.of("IDMA", "IDMB"));
        south = TestApp.as(APP, "pc.south");
        both = TestApp.as(APP, "pc.both");
        Staff.ensure(APP, "audit.all", Set.of(Role.admin), Set.of());
        auditor = TestApp.as(APP, "audit.all");
    }

    static Map<String, Object> referral(String site, Map<String, Object> participant) {
        Map<String, Object> body = new LinkedHashMap<>(Cases.referral(site, "2026-02-01", "x", "y"));
        body.remove("confirmedNewPerson");
        body.remove("confirmedNewPersonReason");
        body.put("participant", participant);
        return body;
    }

    static Map<String, Object> person(String given, String family, String dateOfBirth, String nhsNumber) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", given);
        person.put("familyName", family);
        person.put("dateOfBirth", dateOfBirth);
        person.put("nhsNumber", nhsNumber);
        return person;
    }

    @Test
    void a_second_referral_of_the_same_person_is_409_naming_the_first_not_a_second_case() {
        JsonNode first = Cases.created(
                api.post("/referrals", referral("IDMA", person("Marcus", "Webb", "1984-09-21", "401 023 2137"))));

        Reply again = api.post("/referrals", referral("IDMA", person("Marcus", "Webb", "1984-09-21", "4010232137")));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.fieldsAtFault()).containsExactly("participant.nhsNumber");
        JsonNode match = again.json().get("matches").get(0);
        assertThat(match.get("id").asText())
                .isEqualTo(first.get("participantId").asText());
        assertThat(match.get("caseRef").asText()).isEqualTo(first.get("caseRef").asText());
        assertThat(match.get("matchedOn").asText()).isEqualTo("nhsNumber");
        assertThat(again.json().get("detail").asText())
                .contains(first.get("caseRef").asText(), "participantId");
        assertThat(Cases.ok(api.post("/participants/search", Map.of("q", "webb")))
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void a_match_at_a_site_the_caller_cannot_see_says_where_and_who_can_act_without_naming_the_person() {
        String nhs = Cases.nextNhsNumber();
        JsonNode first =
                Cases.created(api.post("/referrals", referral("IDMA", person("Hidden", "Person", "1979-01-02", nhs))));

        Reply again = south.post("/referrals", referral("IDMB", person("Other", "Spelling", "1979-01-02", nhs)));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.fieldsAtFault()).containsExactly("participant.nhsNumber");
        assertThat(again.json().has("matches")).isFalse();
        assertThat(again.json().get("detail").asText())
                .contains("Northshire Unit (IDMA)", "participantId", "staff who may see both");
        assertThat(again.text())
                .doesNotContain(
                        first.get("participantId").asText(),
                        first.get("caseRef").asText(),
                        "Hidden");
        JsonNode audit = Cases.ok(
                auditor.get("/audit?participantId=" + first.get("participantId").asText()));
        assertThat(audit.toString()).contains("pc.south", "denied");
    }

    @Test
    void the_same_name_and_birth_however_written_is_a_possible_match_until_the_referrer_confirms_a_new_person() {
        JsonNode first =
                Cases.created(api.post("/referrals", referral("IDMA", person("Zoë", "Mc Kay", "1990-05-06", null))));

        Reply again = api.post("/referrals", referral("IDMA", person("ZOE", "mckay", "1990-05-06", null)));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.fieldsAtFault()).containsExactly("participant");
        JsonNode match = again.json().get("matches").get(0);
        assertThat(match.get("id").asText())
                .isEqualTo(first.get("participantId").asText());
        assertThat(match.get("givenName").asText()).isEqualTo("Zoë");
        assertThat(match.get("dateOfBirth").asText()).isEqualTo("1990-05-06");
        assertThat(match.get("siteName").asText()).isEqualTo("Northshire Unit");
        assertThat(match.get("matchedOn").asText()).isEqualTo("nameAndDateOfBirth");
        assertThat(again.json().get("detail").asText()).contains("confirmedNewPerson");

        Map<String, Object> confirmed = referral("IDMA", person("ZOE", "mckay", "1990-05-06", null));
        confirmed.put("confirmedNewPerson", true);
        confirmed.put("confirmedNewPersonReason", "Police confirm a different person: other address history");
        JsonNode second = Cases.created(api.post("/referrals", confirmed));
        assertThat(second.get("participantId").asText())
                .isNotEqualTo(first.get("participantId").asText());
        JsonNode audit = Cases.ok(auditor.get(
                "/audit?participantId=" + second.get("participantId").asText()));
        assertThat(audit.toString()).contains("new_person_confirmation");
        assertThat(Cases.ok(api.post("/participants/search", Map.of("q", "zoe mc kay")))
                        .get("items"))
                .hasSize(2);
    }

    @Test
    void a_possible_match_at_another_site_is_not_listed_but_said_to_exist() {
        Cases.created(api.post("/referrals", referral("IDMA", person("Quiet", "Neighbour", "1970-07-07", null))));

        Reply again = south.post("/referrals", referral("IDMB", person("Quiet", "Neighbour", "1970-07-07", null)));

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().has("matches")).isFalse();
        assertThat(again.json().get("detail").asText()).contains("Northshire Unit", "cannot see");
    }

    @Test
    void a_pnc_id_is_matched_ignoring_case_and_spaces() {
        Map<String, Object> person = person("Pnc", "Holder", "1981-01-01", null);
        person.put("pncId", "2019/0054321B");
        JsonNode first = Cases.created(api.post("/referrals", referral("IDMA", person)));

        Map<String, Object> again = person("Someone", "Else", "1982-02-02", null);
        again.put("pncId", "2019/ 0054321b");
        Reply reply = api.post("/referrals", referral("IDMA", again));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.fieldsAtFault()).containsExactly("participant.pncId");
        assertThat(reply.json().get("matches").get(0).get("id").asText())
                .isEqualTo(first.get("participantId").asText());
    }

    @Test
    void an_nhs_number_amended_to_one_another_participant_holds_is_409_and_nothing_changes() {
        String nhs = Cases.nextNhsNumber();
        JsonNode holder =
                Cases.created(api.post("/referrals", referral("IDMA", person("Amy", "Holder", "1985-01-01", nhs))));
        JsonNode other =
                Cases.created(api.post("/referrals", referral("IDMA", person("Bea", "Other", "1986-01-01", null))));
        String path = "/participants/" + other.get("participantId").asText();
        Reply read = api.get(path);

        Reply amended = api.patch(path, Map.of("nhsNumber", nhs), read.header("ETag"));

        assertThat(amended.status()).as(amended.toString()).isEqualTo(409);
        assertThat(amended.fieldsAtFault()).containsExactly("nhsNumber");
        assertThat(amended.json().get("detail").asText())
                .contains(holder.get("caseRef").asText(), "merges");
        assertThat(amended.json().get("matches").get(0).get("id").asText())
                .isEqualTo(holder.get("participantId").asText());
        assertThat(Cases.ok(api.get(path)).get("nhsNumber").isNull()).isTrue();
    }

    @Test
    void search_finds_by_nhs_number_pnc_id_and_date_of_birth() {
        String nhs = Cases.nextNhsNumber();
        Map<String, Object> person = person("Search", "Able", "1975-12-25", nhs);
        person.put("pncId", "1999/0001234C");
        String id = Cases.created(api.post("/referrals", referral("IDMA", person)))
                .get("participantId")
                .asText();

        assertThat(ids(Map.of("nhsNumber", nhs))).containsExactly(id);
        assertThat(ids(Map.of("nhsNumber", nhs.replace(" ", "")))).containsExactly(id);
        assertThat(ids(Map.of("pncId", "1999/0001234c"))).containsExactly(id);
        assertThat(ids(Map.of("dateOfBirth", "1975-12-25"))).containsExactly(id);
        assertThat(ids(Map.of("dateOfBirth", "1975-12-25", "q", "ABLE"))).containsExactly(id);
        assertThat(ids(Map.of("dateOfBirth", "1975-12-26", "q", "able"))).isEmpty();
        assertThat(south.post("/participants/search", Map.of("nhsNumber", nhs.replace(" ", "")))
                        .json()
                        .get("items"))
                .isEmpty();

        Reply bad = api.post("/participants/search", Map.of("dateOfBirth", "25/12/1975"));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.fieldsAtFault()).containsExactly("dateOfBirth");
        Reply longName = api.post("/participants/search", Map.of("q", "a".repeat(201)));
        assertThat(longName.status()).as(longName.toString()).isEqualTo(422);
        assertThat(longName.fieldsAtFault()).containsExactly("q");
        Reply longNumber = api.post("/participants/search", Map.of("nhsNumber", "9".repeat(21)));
        assertThat(longNumber.status()).as(longNumber.toString()).isEqualTo(422);
        assertThat(longNumber.fieldsAtFault()).containsExactly("nhsNumber");
    }

    @Test
    void a_person_known_at_another_site_is_referred_with_participant_id_by_staff_who_see_both_sites() {
        String known = Cases.created(api.post(
                        "/referrals", referral("IDMA", person("Moving", "Area", "1988-08-08", Cases.nextNhsNumber()))))
                .get("participantId")
                .asText();

        Reply refused = south.post("/referrals", Cases.referralOf("IDMB", "2026-03-01", known));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.fieldsAtFault()).containsExactly("participantId");
        assertThat(refused.json().get("detail").asText()).contains("staff who may see both that site and this one");

        JsonNode taken = Cases.created(both.post("/referrals", Cases.referralOf("IDMB", "2026-03-01", known)));
        assertThat(taken.get("participantId").asText()).isEqualTo(known);
        assertThat(taken.get("siteCode").asText()).isEqualTo("IDMB");
    }

    @Test
    void two_referrals_of_one_person_at_the_same_moment_make_one_participant_and_one_409() throws Exception {
        String nhs = Cases.nextNhsNumber();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> sent = new ArrayList<>();
        for (String site : List.of("IDMA", "IDMB")) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.post("/referrals", referral(site, person("Race", "Twice", "1991-03-03", nhs)));
            }));
        }
        start.countDown();
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<Reply> reply : sent) {
            replies.add(reply.get(2, TimeUnit.MINUTES));
        }

        assertThat(replies).extracting(Reply::status).as(replies.toString()).containsExactlyInAnyOrder(201, 409);
        Reply conflict = replies.stream()
                .filter(reply -> reply.status() == 409)
                .findFirst()
                .orElseThrow();
        assertThat(conflict.fieldsAtFault()).containsExactly("participant.nhsNumber");
        assertThat(ids(Map.of("nhsNumber", nhs.replace(" ", "")))).hasSize(1);
    }

    static List<String> ids(Map<String, Object> terms) {
        List<String> ids = new ArrayList<>();
        Cases.ok(api.post("/participants/search", terms))
                .get("items")
                .forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
