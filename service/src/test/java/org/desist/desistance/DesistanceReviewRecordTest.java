package org.desist.desistance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Desistance reviews: risk per domain, fixation, victim contact, engagement, and a narrative for clinicians only. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class DesistanceReviewRecordTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static Api api;
    static Cases cases;

    @BeforeAll
    static void site() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        cases.site("DSR");
        cases.site("OTH");
    }

    static Map<String, Object> risk(String violence, String persistence, String recurrence, String damage) {
        Map<String, Object> ratings = new LinkedHashMap<>();
        ratings.put("violence", violence);
        ratings.put("persistence", persistence);
        ratings.put("recurrence", recurrence);
        ratings.put("psychosocial_damage", damage);
        return ratings;
    }

    static Map<String, Object> review(String reviewedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewedOn", reviewedOn);
        body.put("riskRatings", risk("moderate", "high", "high", "moderate"));
        body.put("fixation", 7);
        body.put("victimContactSinceLastReview", true);
        body.put("engagement", 3);
        body.put("narrative", "Still checks the victim's profile daily \"to see she's OK\" <b>denies intent</b>");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        change.accept(copy);
        return copy;
    }

    @Test
    void a_review_is_recorded_listed_amended_with_its_history() throws SQLException {
        String participant = cases.participant("DSR");
        String base = "/participants/" + participant + "/desistance-reviews";
        Reply created = api.post(base, review("2026-03-01"));
        JsonNode first = Cases.created(created);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.get("riskRatings").get("psychosocial_damage").asText()).isEqualTo("moderate");
        assertThat(first.get("riskRatings").has("psychosocialDamage")).isFalse();
        assertThat(first.get("fixation").asInt()).isEqualTo(7);
        assertThat(first.get("victimContactSinceLastReview").asBoolean()).isTrue();
        assertThat(first.get("engagement").asInt()).isEqualTo(3);
        assertThat(first.get("narrative").asText()).isEqualTo(review("x").get("narrative"));
        String id = first.get("id").asText();

        Map<String, Object> later = review("2026-05-01");
        later.put("riskRatings", risk("low", "moderate", "moderate", "low"));
        later.put("fixation", 3);
        later.put("victimContactSinceLastReview", false);
        later.remove("narrative");
        JsonNode second = Cases.created(api.post(base, later));
        assertThat(second.get("narrative").isNull()).isTrue();

        JsonNode list = Cases.ok(api.get(base)).get("items");
        assertThat(list)
                .extracting(item -> item.get("reviewedOn").asText())
                .containsExactly("2026-05-01", "2026-03-01");
        assertThat(Cases.ok(api.get(base + "?to=2026-04-01")).get("items")).hasSize(1);

        Map<String, Object> patch =
                Map.of("riskRatings", risk("moderate", "high", "moderate", "moderate"), "fixation", 6);
        assertThat(api.patch(base + "/" + id, patch, "\"1\"").fieldsAtFault()).containsExactly("reason");
        Reply amended = api.because("Recurrence rated on the wrong line").patch(base + "/" + id, patch, "\"1\"");
        JsonNode changed = Cases.ok(amended);
        assertThat(amended.header("ETag")).isEqualTo("\"2\"");
        assertThat(changed.get("riskRatings").get("recurrence").asText()).isEqualTo("moderate");
        assertThat(changed.get("fixation").asInt()).isEqualTo(6);
        assertThat(changed.get("engagement").asInt()).isEqualTo(3);
        assertThat(changed.get("amendedBy").asText()).isEqualTo("tester");

        JsonNode history = Cases.ok(api.get(base + "/" + id + "/history")).get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)
                        .get("record")
                        .get("riskRatings")
                        .get("recurrence")
                        .asText())
                .isEqualTo("high");
        assertThat(history.get(0).get("record").get("fixation").asInt()).isEqualTo(7);
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Recurrence rated on the wrong line");

        assertThat(api.because("x")
                        .patch(base + "/" + id, Map.of("fixation", 11), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("fixation");
        assertThat(api.because("x")
                        .patch(base + "/" + id, Map.of("id", "other"), "\"2\"")
                        .fieldsAtFault())
                .containsExactly("id");
        // a merge patch leaves absent keys as they were; a null clears one, which a review may not lack
        assertThat(api.because("x")
                        .patch(
                                base + "/" + id,
                                Map.of(
                                        "riskRatings",
                                        with(
                                                risk("low", "low", "low", "low"),
                                                r -> r.put("psychosocial_damage", null))),
                                "\"2\"")
                        .fieldsAtFault())
                .containsExactly("riskRatings.psychosocial_damage");

        // the four domains are columns of their own, for cohort figures computed in SQL
        try (Connection db = DATABASE.connect();
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT risk_violence, risk_persistence,"
                                + " risk_recurrence, risk_psychosocial_damage, victim_contact_since_last_review"
                                + " FROM desistance_review WHERE id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("moderate");
            assertThat(row.getString(2)).isEqualTo("high");
            assertThat(row.getString(3)).isEqualTo("moderate");
            assertThat(row.getString(4)).isEqualTo("moderate");
            assertThat(row.getInt(5)).isEqualTo(1);
        }

        JsonNode marked = Cases.ok(api.send(
                "POST",
                base + "/" + id + "/entered-in-error",
                Map.of("reason", "Recorded against the wrong participant"),
                Map.of("If-Match", "\"2\"")));
        assertThat(marked.get("status").asText()).isEqualTo("entered_in_error");
        assertThat(Cases.ok(api.get(base + "/" + id + "/history")).get("items")).hasSize(3);
    }

    @Test
    void out_of_range_scores_and_missing_or_unknown_ratings_are_refused_and_nothing_is_stored() {
        String participant = cases.participant("DSR");
        String base = "/participants/" + participant + "/desistance-reviews";
        Map<String, Object> good = review("2026-03-01");
        refused(base, with(good, b -> b.put("fixation", -1)), "fixation");
        refused(base, with(good, b -> b.put("fixation", 11)), "fixation");
        refused(base, with(good, b -> b.put("fixation", 4.5)), "fixation");
        refused(base, with(good, b -> b.put("fixation", "4")), "fixation");
        refused(base, with(good, b -> b.remove("fixation")), "fixation");
        refused(base, with(good, b -> b.put("engagement", 0)), "engagement");
        refused(base, with(good, b -> b.put("engagement", 6)), "engagement");
        refused(base, with(good, b -> b.remove("victimContactSinceLastReview")), "victimContactSinceLastReview");
        refused(base, with(good, b -> b.put("victimContactSinceLastReview", "no")), "victimContactSinceLastReview");
        refused(
                base,
                with(
                        good,
                        b -> b.put("riskRatings", with(risk("low", "low", "low", "low"), r -> r.remove("recurrence")))),
                "riskRatings.recurrence");
        refused(
                base,
                with(
                        good,
                        b -> b.put(
                                "riskRatings",
                                with(risk("low", "low", "low", "low"), r -> r.remove("psychosocial_damage")))),
                "riskRatings.psychosocial_damage");
        refused(
                base,
                with(good, b -> b.put("riskRatings", risk("severe", "low", "low", "low"))),
                "riskRatings.violence");
        refused(
                base,
                with(
                        good,
                        b -> b.put(
                                "riskRatings",
                                with(risk("low", "low", "low", "low"), r -> r.put("psychosocialDamage", "low")))),
                "riskRatings.psychosocialDamage");
        refused(base, with(good, b -> b.remove("riskRatings")), "riskRatings");
        refused(base, with(good, b -> b.put("narrative", "x".repeat(20001))), "narrative");
        refused(base, with(good, b -> b.put("overallRisk", "low")), "overallRisk");
        assertThat(Cases.ok(api.get(base)).get("items")).isEmpty();
        Cases.created(api.post(base, with(good, b -> b.put("narrative", "x".repeat(20000)))));
    }

    @Test
    void a_review_cannot_precede_the_referral_nor_lie_in_the_future() {
        String participant = cases.participant("DSR");
        String base = "/participants/" + participant + "/desistance-reviews";
        String tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1).toString();
        refused(base, review(tomorrow), "reviewedOn");
        refused(base, review("2026-01-31"), "reviewedOn");
        refused(base, review("2026-13-01"), "reviewedOn");
        assertThat(Cases.ok(api.get(base)).get("items")).isEmpty();
        String id =
                Cases.created(api.post(base, review("2026-02-01"))).get("id").asText();
        assertThat(api.because("x")
                        .patch(base + "/" + id, Map.of("reviewedOn", tomorrow), "\"1\"")
                        .fieldsAtFault())
                .containsExactly("reviewedOn");
        assertThat(Cases.ok(api.get(base + "/" + id)).get("reviewedOn").asText())
                .isEqualTo("2026-02-01");
    }

    @Test
    void the_narrative_is_for_clinicians_and_only_clinicians_record_reviews() {
        String participant = cases.participant("DSR");
        String base = "/participants/" + participant + "/desistance-reviews";
        String id =
                Cases.created(api.post(base, review("2026-03-01"))).get("id").asText();

        Staff.ensure(APP, "clinician.dsr", Set.of(Role.clinician), Set.of("DSR"));
        assertThat(Cases.ok(TestApp.as(APP, "clinician.dsr").get(base + "/" + id))
                        .get("narrative")
                        .asText())
                .contains("denies intent");
        for (Role role : new Role[] {Role.probation, Role.police, Role.advocate}) {
            String user = role.name() + ".dsr";
            Staff.ensure(APP, user, Set.of(role), Set.of("DSR"));
            Api reader = TestApp.as(APP, user);
            JsonNode seen = Cases.ok(reader.get(base + "/" + id));
            assertThat(seen.get("narrative").isNull()).as(user).isTrue();
            assertThat(seen.get("riskRatings").get("persistence").asText()).isEqualTo("high");
            assertThat(seen.get("fixation").asInt()).isEqualTo(7);
            assertThat(Cases.ok(reader.get(base))
                            .get("items")
                            .get(0)
                            .get("narrative")
                            .isNull())
                    .isTrue();
            assertThat(Cases.ok(reader.get(base + "/" + id + "/history"))
                            .get("items")
                            .get(0)
                            .get("record")
                            .get("narrative")
                            .isNull())
                    .isTrue();
            assertThat(reader.post(base, review("2026-03-02")).status())
                    .as(user)
                    .isEqualTo(403);
        }
        for (Role role : new Role[] {Role.cps, Role.programme_lead}) {
            String user = role.name() + ".dsr";
            Staff.ensure(APP, user, Set.of(role), Set.of("DSR"));
            assertThat(TestApp.as(APP, user).get(base + "/" + id).status())
                    .as(user)
                    .isEqualTo(403);
        }
        Staff.ensure(APP, "clinician.oth", Set.of(Role.clinician), Set.of("OTH"));
        assertThat(TestApp.as(APP, "clinician.oth").get(base + "/" + id).status())
                .isEqualTo(404);
    }

    private static void refused(String base, Map<String, Object> body, String field) {
        Reply reply = api.post(base, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
    }
}
