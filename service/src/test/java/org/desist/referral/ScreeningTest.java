package org.desist.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The S-DASH triage screening: answered with the daily review, counted on the referral, worded as reference data. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ScreeningTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("SCR");
    }

    /** Answers q1..q11, yes where {@code yes} names the question's number. */
    static Map<String, Object> answers(int... yes) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int q = 1; q <= 11; q++) {
            answers.put("q" + q, false);
        }
        for (int q : yes) {
            answers.put("q" + q, true);
        }
        return answers;
    }

    static Map<String, Object> review(Object screening) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewedOn", "2026-02-02");
        body.put("priority", "high");
        body.put("decision", "accept_for_intervention");
        body.put("reason", "Victim very frightened; stalker has followed her");
        body.put("screening", screening);
        return body;
    }

    static Map<String, Object> screening(String instrument, Map<String, Object> answers) {
        Map<String, Object> screening = new LinkedHashMap<>();
        screening.put("instrument", instrument);
        screening.put("answers", answers);
        return screening;
    }

    @Test
    void a_review_with_a_screening_stores_it_and_the_referral_shows_its_yes_count() {
        String id = cases.referral("SCR", "2026-02-01").get("id").asText();
        JsonNode reviewed =
                Cases.ok(api.post("/referrals/" + id + "/review", review(screening("S-DASH", answers(1, 5, 6, 11)))));
        assertThat(reviewed.get("status").asText()).isEqualTo("reviewed");
        assertThat(reviewed.get("screening").get("yesCount").asInt()).isEqualTo(4);

        JsonNode screening = Cases.ok(api.get("/referrals/" + id)).get("screening");
        assertThat(screening.get("instrument").asText()).isEqualTo("S-DASH");
        assertThat(screening.get("yesCount").asInt()).isEqualTo(4);
        JsonNode stored = screening.get("answers");
        assertThat(stored.fieldNames())
                .toIterable()
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11");
        assertThat(stored.get("q1").asBoolean()).isTrue();
        assertThat(stored.get("q2").asBoolean()).isFalse();
        assertThat(stored.get("q11").asBoolean()).isTrue();

        JsonNode queued =
                find(Cases.ok(api.get("/referrals?siteCode=SCR&limit=200")).get("items"), id);
        assertThat(queued.get("screening").get("yesCount").asInt()).isEqualTo(4);
        Staff.ensure(APP, "advocate.scr", Set.of(Role.advocate), Set.of("SCR"));
        assertThat(Cases.ok(TestApp.as(APP, "advocate.scr").get("/referrals/" + id))
                        .get("screening")
                        .get("yesCount")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void the_screening_is_optional_and_a_review_without_one_shows_none() {
        String id = cases.referral("SCR", "2026-02-01").get("id").asText();
        assertThat(Cases.ok(api.get("/referrals/" + id)).get("screening").isNull())
                .isTrue();
        JsonNode reviewed = Cases.ok(api.post("/referrals/" + id + "/review", review(null)));
        assertThat(reviewed.get("screening").isNull()).isTrue();

        String noScreeningKey = cases.referral("SCR", "2026-02-01").get("id").asText();
        JsonNode plain = cases.review(noScreeningKey, "standard", "consultation_only");
        assertThat(plain.get("screening").isNull()).isTrue();
        assertThat(find(Cases.ok(api.get("/referrals?siteCode=SCR&limit=200")).get("items"), noScreeningKey)
                        .get("screening")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_screening_of_the_wrong_shape_is_refused_naming_the_field_and_the_referral_still_awaits_review() {
        String id = cases.referral("SCR", "2026-02-01").get("id").asText();
        refused(id, screening("S-DASH", with(answers(), a -> a.put("q12", true))), "screening.answers.q12");
        refused(id, screening("S-DASH", with(answers(), a -> a.remove("q5"))), "screening.answers");
        refused(id, screening("S-DASH", with(answers(), a -> a.put("q7", null))), "screening.answers");
        refused(id, screening("S-DASH", Map.of()), "screening.answers");
        refused(id, screening("S-DASH", null), "screening.answers");
        refused(id, screening("S-DASH", with(answers(), a -> a.put("q3", "yes"))), "screening.answers.q3");
        refused(id, screening("S-DASH", with(answers(), a -> a.put("q3", 1))), "screening.answers.q3");
        refused(id, screening("DASH", answers(1)), "screening.instrument");
        refused(id, screening("s-dash", answers(1)), "screening.instrument");
        refused(id, screening(null, answers(1)), "screening.instrument");
        refused(id, with(screening("S-DASH", answers(1)), s -> s.put("score", 1)), "screening.score");
        refused(id, "yes", "screening");

        Reply missing = api.post("/referrals/" + id + "/review", review(screening("S-DASH", with(answers(), a -> {
            a.remove("q2");
            a.remove("q10");
        }))));
        assertThat(missing.json().get("errors").get(0).get("reason").asText()).contains("q2, q10");

        JsonNode referral = Cases.ok(api.get("/referrals/" + id));
        assertThat(referral.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(referral.get("screening").isNull()).isTrue();
        assertThat(referral.get("priority").isNull()).isTrue();

        // the same referral reviews cleanly afterwards: nothing of the refused attempts was left behind
        assertThat(Cases.ok(api.post("/referrals/" + id + "/review", review(screening("S-DASH", answers()))))
                        .get("screening")
                        .get("yesCount")
                        .asInt())
                .isZero();
        Reply again = api.post("/referrals/" + id + "/review", review(screening("S-DASH", answers(1, 2))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(Cases.ok(api.get("/referrals/" + id))
                        .get("screening")
                        .get("yesCount")
                        .asInt())
                .isZero();
    }

    @Test
    void the_questions_are_reference_data_listed_in_order() {
        Staff.ensure(APP, "cps.scr", Set.of(Role.cps), Set.of("SCR"));
        Reply reply = TestApp.as(APP, "cps.scr").get("/reference/screening-questions");
        JsonNode items = Cases.ok(reply).get("items");
        assertThat(items).hasSize(11);
        assertThat(items)
                .extracting(item -> item.get("key").asText())
                .containsExactly("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("instrument").asText()).isEqualTo("S-DASH");
            assertThat(item.get("wording").asText()).endsWith("?");
        });
        assertThat(items.get(0).get("wording").asText()).isEqualTo("Is the victim very frightened?");
        assertThat(items.get(10).get("wording").asText()).isEqualTo("Has the stalker ever been violent in the past?");
        assertThat(TestApp.anonymous(APP).get("/reference/screening-questions").status())
                .isEqualTo(401);
    }

    private static void refused(String id, Object screening, String field) {
        Reply reply = api.post("/referrals/" + id + "/review", review(screening));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
    }

    private static Map<String, Object> with(Map<String, Object> map, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        change.accept(copy);
        return copy;
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("referral " + id + " not in " + items);
    }
}
