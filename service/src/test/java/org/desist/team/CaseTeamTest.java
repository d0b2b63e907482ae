package org.desist.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.auth.Role.admin;
import static org.desist.auth.Role.advocate;
import static org.desist.auth.Role.clinician;
import static org.desist.auth.Role.police;
import static org.desist.auth.Role.probation;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

/** The case team through the API: who may take which part, allocating over a part held, ending, the review's key worker. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class CaseTeamTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static final String SITE = "TEAM";
    static final String OTHER = "TEAMB";

    static Api tester;
    static Api lead;
    static Cases cases;

    @BeforeAll
    static void staff() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        cases.site(OTHER);
        Staff.ensure(APP, "ct.clin1", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "ct.clin2", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "ct.clin.other", Set.of(clinician), Set.of(OTHER));
        Staff.ensure(APP, "ct.clin.off", Set.of(clinician), Set.of(SITE));
        Staff.ensure(APP, "ct.prob", Set.of(probation), Set.of(SITE));
        Staff.ensure(APP, "ct.adv", Set.of(advocate), Set.of(SITE));
        Staff.ensure(APP, "ct.police", Set.of(police), Set.of(SITE));
        Staff.ensure(APP, "ct.admin", Set.of(admin), Set.of());
        assertThat(TestApp.as(APP, "ct.admin")
                        .post("/users/ct.clin.off/disable", Map.of())
                        .status())
                .isIn(200, 204);
        lead = tester;
    }

    static Map<String, Object> allocation(String username, String role, String from) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("role", role);
        body.put("from", from);
        return body;
    }

    static JsonNode team(String participantId) {
        return Cases.ok(tester.get("/participants/" + participantId + "/team"));
    }

    @Test
    void anAllocationIsShownAsTheCasesTeamWithWhoMadeIt() {
        String participant = cases.participant(SITE);
        JsonNode made = Cases.created(tester.post(
                "/participants/" + participant + "/team", allocation("ct.clin1", "key_worker", "2026-02-03")));
        assertThat(made.get("username").asText()).isEqualTo("ct.clin1");
        assertThat(made.get("role").asText()).isEqualTo("key_worker");
        assertThat(made.get("from").asText()).isEqualTo("2026-02-03");
        assertThat(made.get("to").isNull()).isTrue();
        assertThat(made.get("allocatedBy").asText()).isEqualTo("tester");
        Cases.created(tester.post(
                "/participants/" + participant + "/team", allocation("ct.prob", "responsible_officer", "2026-02-03")));
        Cases.created(
                tester.post("/participants/" + participant + "/team", allocation("ct.adv", "advocate", "2026-02-04")));

        JsonNode team = team(participant);
        assertThat(team.get("participantId").asText()).isEqualTo(participant);
        assertThat(team.get("current")).hasSize(3);
        assertThat(team.get("current").findValuesAsText("username")).containsExactly("ct.adv", "ct.clin1", "ct.prob");
        assertThat(team.get("ended")).isEmpty();
        // another role reads the team too
        JsonNode asAdvocate = Cases.ok(TestApp.as(APP, "ct.adv").get("/participants/" + participant + "/team"));
        assertThat(asAdvocate.get("current")).hasSize(3);
    }

    @Test
    void anAccountWhoseRoleDoesNotFitThePartIsRefusedAndNothingChanges() {
        String participant = cases.participant(SITE);
        String path = "/participants/" + participant + "/team";
        assertRefused(tester.post(path, allocation("ct.prob", "key_worker", "2026-02-03")), "username", "clinician");
        assertRefused(
                tester.post(path, allocation("ct.clin1", "responsible_officer", "2026-02-03")),
                "username",
                "probation");
        assertRefused(tester.post(path, allocation("ct.clin1", "police_contact", "2026-02-03")), "username", "police");
        assertRefused(tester.post(path, allocation("ct.clin.off", "key_worker", "2026-02-03")), "username", "disabled");
        assertRefused(
                tester.post(path, allocation("ct.clin.other", "key_worker", "2026-02-03")),
                "username",
                "does not work at site " + SITE);
        assertRefused(
                tester.post(path, allocation("nobody.here", "key_worker", "2026-02-03")),
                "username",
                "not a known account");
        assertThat(team(participant).get("current")).isEmpty();
    }

    @Test
    void badBodiesAreRefusedNamingTheField() {
        String path = "/participants/" + cases.participant(SITE) + "/team";
        Map<String, Object> noRole = allocation("ct.clin1", "key_worker", "2026-02-03");
        noRole.remove("role");
        Reply missing = tester.post(path, noRole);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.fieldsAtFault()).contains("role");
        Reply unknownRole = tester.post(path, allocation("ct.clin1", "chaplain", "2026-02-03"));
        assertThat(unknownRole.status()).isBetween(400, 422);
        assertThat(unknownRole.contentType()).startsWith("application/problem+json");
        assertThat(unknownRole.text()).contains("role");
        Reply badDate = tester.post(path, allocation("ct.clin1", "key_worker", "03/02/2026"));
        assertThat(badDate.status()).isBetween(400, 422);
        assertThat(badDate.text()).contains("from");
        Reply extra = tester.post(
                path,
                Map.of("username", "ct.clin1", "role", "key_worker", "from", "2026-02-03", "allocatedBy", "someone"));
        assertThat(extra.status()).isBetween(400, 422);
    }

    @Test
    void allocatingAPartHeldEndsTheEarlierAllocationTheDayBeforeKeepingItAsHistory() {
        String participant = cases.participant(SITE);
        String path = "/participants/" + participant + "/team";
        JsonNode first = Cases.created(tester.post(path, allocation("ct.clin1", "key_worker", "2026-02-03")));
        // not after the current one began: refused, nothing changed
        assertRefused(tester.post(path, allocation("ct.clin2", "key_worker", "2026-02-03")), "from", "2026-02-03");
        // the same holder again: a conflict
        Reply again = tester.post(path, allocation("ct.clin1", "key_worker", "2026-03-01"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");

        JsonNode second = Cases.created(tester.post(path, allocation("ct.clin2", "key_worker", "2026-03-01")));
        JsonNode team = team(participant);
        assertThat(team.get("current")).hasSize(1);
        assertThat(team.get("current").get(0).get("id").asText())
                .isEqualTo(second.get("id").asText());
        assertThat(team.get("ended")).hasSize(1);
        JsonNode ended = team.get("ended").get(0);
        assertThat(ended.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(ended.get("username").asText()).isEqualTo("ct.clin1");
        assertThat(ended.get("to").asText()).isEqualTo("2026-02-28");
        assertThat(ended.get("endedBy").asText()).isEqualTo("tester");
    }

    @Test
    void anAllocationEndsOnceAndNotBeforeItBegan() {
        String participant = cases.participant(SITE);
        String path = "/participants/" + participant + "/team";
        JsonNode made = Cases.created(tester.post(path, allocation("ct.police", "police_contact", "2026-02-03")));
        String end = path + "/" + made.get("id").asText() + "/end";
        assertRefused(tester.post(end, Map.of("to", "2026-02-02")), "to", "2026-02-03");
        JsonNode ended = Cases.ok(tester.post(end, Map.of("to", "2026-04-30")));
        assertThat(ended.get("to").asText()).isEqualTo("2026-04-30");
        assertThat(tester.post(end, Map.of("to", "2026-05-01")).status()).isEqualTo(409);
        assertThat(team(participant).get("current")).isEmpty();
        assertThat(team(participant).get("ended")).hasSize(1);
        // an allocation of another case is not found under this one
        String otherCase = cases.participant(SITE);
        assertThat(tester.post(
                                "/participants/" + otherCase + "/team/"
                                        + made.get("id").asText() + "/end",
                                Map.of("to", "2026-05-01"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aCaseOfAnotherSiteIsNotFoundAndARoleWithoutTheRightIsForbidden() {
        String elsewhere = cases.participant(OTHER);
        Api clinician = TestApp.as(APP, "ct.clin1");
        assertThat(clinician.get("/participants/" + elsewhere + "/team").status())
                .isEqualTo(404);
        assertThat(clinician
                        .post(
                                "/participants/" + elsewhere + "/team",
                                allocation("ct.clin.other", "key_worker", "2026-02-03"))
                        .status())
                .isEqualTo(404);
        String here = cases.participant(SITE);
        Reply advocateAllocates = TestApp.as(APP, "ct.adv")
                .post("/participants/" + here + "/team", allocation("ct.adv", "advocate", "2026-02-03"));
        assertThat(advocateAllocates.status()).isEqualTo(403);
        assertThat(tester.get("/participants/no-such-case/team").status()).isEqualTo(404);
    }

    @Test
    void theDailyReviewAllocatesTheKeyWorkerItNamesOrTheClinicianReviewing() {
        JsonNode named = cases.referral(SITE, "2026-02-01");
        Map<String, Object> review = review("accept_for_intervention");
        review.put("keyWorker", "ct.clin2");
        Cases.ok(tester.post("/referrals/" + named.get("id").asText() + "/review", review));
        JsonNode team = team(named.get("participantId").asText());
        assertThat(team.get("current")).hasSize(1);
        assertThat(team.get("current").get(0).get("username").asText()).isEqualTo("ct.clin2");
        assertThat(team.get("current").get(0).get("role").asText()).isEqualTo("key_worker");
        assertThat(team.get("current").get(0).get("from").asText()).isEqualTo("2026-02-02");

        JsonNode unnamed = cases.referral(SITE, "2026-02-01");
        Cases.ok(TestApp.as(APP, "ct.clin1")
                .post("/referrals/" + unnamed.get("id").asText() + "/review", review("accept_for_intervention")));
        JsonNode reviewersTeam = team(unnamed.get("participantId").asText());
        assertThat(reviewersTeam.get("current").findValuesAsText("username")).containsExactly("ct.clin1");

        // a reviewer who is not a clinician allocates nobody when none is named
        JsonNode byPolice = cases.referral(SITE, "2026-02-01");
        Cases.ok(TestApp.as(APP, "ct.police")
                .post("/referrals/" + byPolice.get("id").asText() + "/review", review("accept_for_intervention")));
        assertThat(team(byPolice.get("participantId").asText()).get("current")).isEmpty();

        // other decisions allocate nobody
        JsonNode declined = cases.referral(SITE, "2026-02-01");
        Cases.ok(TestApp.as(APP, "ct.clin1")
                .post("/referrals/" + declined.get("id").asText() + "/review", review("consultation_only")));
        assertThat(team(declined.get("participantId").asText()).get("current")).isEmpty();
    }

    @Test
    void aKeyWorkerWhoCannotBeOneRefusesTheReviewAndLeavesTheReferralAwaiting() {
        JsonNode referral = cases.referral(SITE, "2026-02-01");
        String path = "/referrals/" + referral.get("id").asText() + "/review";
        Map<String, Object> review = review("accept_for_intervention");
        review.put("keyWorker", "ct.prob");
        assertRefused(tester.post(path, review), "keyWorker", "clinician");
        Map<String, Object> declined = review("no_further_action");
        declined.put("keyWorker", "ct.clin1");
        assertRefused(tester.post(path, declined), "keyWorker", "accept_for_intervention");
        assertThat(Cases.ok(tester.get("/referrals/" + referral.get("id").asText()))
                        .get("status")
                        .asText())
                .isEqualTo("awaiting_review");
        assertThat(team(referral.get("participantId").asText()).get("current")).isEmpty();
    }

    static Map<String, Object> review(String decision) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewedOn", "2026-02-02");
        body.put("priority", "high");
        body.put("decision", decision);
        body.put("reason", "Daily review");
        return body;
    }

    static void assertRefused(Reply reply, String field, String reasonHas) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field);
        assertThat(reply.text()).contains(reasonHas);
    }
}
