package org.desist.breakglass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Break-glass (docs/access.md): staff of site A open one case of site B by stating why; for an hour they read it,
 * each read audited as break_glass with the reason; they never write it; then it is gone again. Site B's leads and
 * every DPO are told at once; nobody else is.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class BreakGlassTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String A = "BGA";
    static final String B = "BGB";
    static final String CLINICIAN = "bg.clinician";
    static final String POLICE = "bg.police";
    static final String LEAD_A = "bg.lead.a";
    static final String LEAD_B = "bg.lead.b";
    static final String DPO = "bg.dpo";
    static final String ADMIN_A = "bg.admin.a";
    static final String REASON = "Arrested in our area overnight, checking bail conditions before interview";

    static Api tester;
    static Cases cases;
    static int serial;

    @BeforeAll
    static void twoSites() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(A);
        cases.site(B);
        Staff.ensure(APP, CLINICIAN, Set.of(Role.clinician), Set.of(A));
        Staff.ensure(APP, POLICE, Set.of(Role.police), Set.of(A));
        Staff.ensure(APP, LEAD_A, Set.of(Role.programme_lead), Set.of(A));
        Staff.ensure(APP, LEAD_B, Set.of(Role.programme_lead), Set.of(B));
        Staff.ensure(APP, DPO, Set.of(Role.dpo), Set.of());
        Staff.ensure(APP, ADMIN_A, Set.of(Role.admin), Set.of(A));
    }

    /** A case at site B with one incident on it: its id and reference. */
    static Map<String, String> caseAtB() {
        String id = cases.participant(B);
        Cases.created(tester.post("/participants/" + id + "/incidents", RecordKind.INCIDENTS.validBody("")));
        return Map.of(
                "id",
                id,
                "ref",
                tester.get("/participants/" + id).json().get("caseRef").asText());
    }

    static Reply open(String username, String caseRef, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("caseReference", caseRef);
        body.put("reason", reason);
        return TestApp.as(APP, username).post("/break-glass", body);
    }

    static List<Map<String, Object>> auditOf(String username, String participantId) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action, resource_type, purpose, status"
                                + " FROM audit_event WHERE username = :username AND participant_id = :participantId ORDER BY seq")
                .bind("username", username)
                .bind("participantId", participantId)
                .mapToMap()
                .list());
    }

    static List<JsonNode> alertsOf(String username, String participantId) {
        List<JsonNode> found = new ArrayList<>();
        // the whole inbox, not ?participantId= (which is 404 to one who may not see the case)
        Cases.ok(TestApp.as(APP, username).get("/alerts?state=open&limit=200"))
                .get("items")
                .forEach(alert -> {
                    if (alert.get("participantId").asText().equals(participantId)) {
                        found.add(alert);
                    }
                });
        return found;
    }

    @Test
    void a_reason_opens_the_case_for_an_hour_and_every_read_is_audited_as_break_glass() {
        Map<String, String> atB = caseAtB();
        String id = atB.get("id");
        Api clinician = TestApp.as(APP, CLINICIAN);
        assertThat(clinician.get("/participants/" + id).status()).isEqualTo(404);

        Instant before = Instant.now();
        JsonNode grant = Cases.created(open(CLINICIAN, atB.get("ref"), "  " + REASON + " "));
        assertThat(grant.get("participantId").asText()).isEqualTo(id);
        assertThat(grant.get("caseReference").asText()).isEqualTo(atB.get("ref"));
        assertThat(grant.get("reason").asText()).isEqualTo(REASON);
        assertThat(grant.get("running").asBoolean()).isTrue();
        Instant openedAt = Instant.parse(grant.get("openedAt").asText());
        assertThat(openedAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(
                        openedAt, Instant.parse(grant.get("expiresAt").asText())))
                .isEqualTo(Duration.ofHours(1));

        JsonNode participant = Cases.ok(clinician.get("/participants/" + id));
        assertThat(participant.get("caseRef").asText()).isEqualTo(atB.get("ref"));
        JsonNode incidents = Cases.ok(clinician.get("/participants/" + id + "/incidents"));
        assertThat(incidents.get("items")).hasSize(1);
        Cases.ok(clinician.get("/participants/" + id + "/timeline"));

        List<Map<String, Object>> rows = auditOf(CLINICIAN, id);
        // the 404 before the grant, the opening, then the three reads: none of them a plain read
        assertThat(rows).extracting(row -> row.get("action")).doesNotContain("read");
        assertThat(rows.get(0)).containsEntry("action", "denied");
        assertThat(rows.get(1))
                .containsEntry("action", "break_glass")
                .containsEntry("resource_type", "break_glass")
                .containsEntry("purpose", REASON);
        assertThat(rows.subList(2, rows.size())).hasSizeGreaterThanOrEqualTo(3).allSatisfy(row -> assertThat(row)
                .containsEntry("action", "break_glass")
                .containsEntry("purpose", REASON));
        assertThat(rows.subList(2, rows.size()))
                .extracting(row -> row.get("resource_type"))
                .contains("participant", "incident");

        // the grant reaches that one case: site B's other cases and lists stay out of reach
        String other = cases.participant(B);
        assertThat(clinician.get("/participants/" + other).status()).isEqualTo(404);
        assertThat(Cases.ok(clinician.get("/participants?siteCode=" + B)).get("items"))
                .isEmpty();

        // an hour later (the grant's times moved back, as if it had been opened then)
        expire(grant.get("id").asText());
        assertThat(clinician.get("/participants/" + id).status()).isEqualTo(404);
        assertThat(clinician.get("/participants/" + id + "/incidents").status()).isEqualTo(404);
        JsonNode mine = Cases.ok(clinician.get("/break-glass"));
        JsonNode listed = find(mine.get("items"), grant.get("id").asText());
        assertThat(listed.get("running").asBoolean()).isFalse();
        assertThat(listed.get("reason").asText()).isEqualTo(REASON);
        // listed by the day it was opened (now 2020-01-01)
        find(
                Cases.ok(clinician.get("/break-glass?from=2020-01-01&to=2020-01-01"))
                        .get("items"),
                grant.get("id").asText());
        assertThat(Cases.ok(clinician.get("/break-glass?from=2020-01-02")).get("items"))
                .noneMatch(
                        item -> item.get("id").asText().equals(grant.get("id").asText()));
    }

    static void expire(String grantId) {
        DATABASE.jdbi().useHandle(handle -> handle.createUpdate("UPDATE break_glass_grant SET opened_at ="
                        + " '2020-01-01T00:00:00.000000Z', expires_at = '2020-01-01T01:00:00.000000Z' WHERE id = :id")
                .bind("id", grantId)
                .execute());
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no grant " + id + " in " + items);
    }

    @Test
    void break_glass_never_writes() {
        Map<String, String> atB = caseAtB();
        String id = atB.get("id");
        Cases.created(open(POLICE, atB.get("ref"), REASON));
        Api police = TestApp.as(APP, POLICE);
        String etag = tester.get("/participants/" + id).header("ETag");
        List<Reply> writes = List.of(
                police.patch("/participants/" + id, Map.of("givenName", "Changed"), etag),
                police.post("/participants/" + id + "/incidents", RecordKind.INCIDENTS.validBody("")),
                police.post("/participants/" + id + "/risk-plan/actions", RecordKind.PLAN_ACTIONS.validBody("")),
                police.post(
                        "/participants/" + id + "/team",
                        Map.of("username", POLICE, "role", "police_contact", "from", "2026-02-03")));
        for (Reply write : writes) {
            assertThat(write.status()).as(write.toString()).isEqualTo(403);
            assertThat(write.contentType()).startsWith("application/problem+json");
            assertThat(write.json().get("detail").asText()).contains("read-only");
        }
        JsonNode unchanged = Cases.ok(tester.get("/participants/" + id));
        assertThat(unchanged.get("givenName").asText()).isEqualTo("Daniel");
        assertThat(unchanged.get("caseRef").asText()).isEqualTo(atB.get("ref"));
        assertThat(Cases.ok(tester.get("/participants/" + id + "/incidents")).get("items"))
                .hasSize(1);
        assertThat(Cases.ok(tester.get("/participants/" + id + "/risk-plan/actions"))
                        .get("items"))
                .isEmpty();
        assertThat(Cases.ok(tester.get("/participants/" + id + "/team")).get("current"))
                .isEmpty();
        assertThat(auditOf(POLICE, id))
                .filteredOn(row -> "denied".equals(row.get("action")))
                .hasSize(writes.size());
        // and the reads still answer
        assertThat(police.get("/participants/" + id).status()).isEqualTo(200);
    }

    @Test
    void the_sites_leads_and_every_dpo_are_told_at_once_and_nobody_else() {
        Map<String, String> atB = caseAtB();
        String id = atB.get("id");
        JsonNode grant = Cases.created(open(CLINICIAN, atB.get("ref"), REASON));

        for (String told : List.of(LEAD_B, DPO)) {
            List<JsonNode> alerts = alertsOf(told, id);
            assertThat(alerts).as(told).hasSize(1);
            assertThat(alerts.get(0).get("rule").asText()).isEqualTo("break_glass_opened");
            assertThat(alerts.get(0).get("caseRef").asText()).isEqualTo(atB.get("ref"));
            assertThat(alerts.get(0).get("recordId").asText())
                    .isEqualTo(grant.get("id").asText());
        }
        assertThat(alertsOf(LEAD_A, id)).isEmpty();
        List<String> told = DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT username FROM alert_recipient r JOIN alert a ON a.id = r.alert_id WHERE"
                                + " a.participant_id = :id ORDER BY username")
                .bind("id", id)
                .mapTo(String.class)
                .list());
        assertThat(told).contains(LEAD_B, DPO).doesNotContain(LEAD_A, CLINICIAN, POLICE, ADMIN_A);

        // each acknowledges their own; the last one clears it
        String alertId = alertsOf(DPO, id).get(0).get("id").asText();
        List<String> recipients = DATABASE.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT username FROM alert_recipient WHERE alert_id = :id")
                        .bind("id", alertId)
                        .mapTo(String.class)
                        .list());
        for (String recipient : recipients) {
            Cases.ok(TestApp.as(APP, recipient)
                    .post("/alerts/" + alertId + "/acknowledgement", Map.of("note", "Asked them why; justified")));
        }
        assertThat(alertsOf(DPO, id)).isEmpty();
    }

    @Test
    void no_grant_without_a_reason_a_known_case_and_the_need() {
        Map<String, String> atB = caseAtB();
        String id = atB.get("id");
        Map<String, Reply> refused = new java.util.LinkedHashMap<>();
        refused.put("reason", open(CLINICIAN, atB.get("ref"), null));
        refused.put("reason ", open(CLINICIAN, atB.get("ref"), "   "));
        refused.put("reason  ", open(CLINICIAN, atB.get("ref"), "just looking"));
        refused.put("reason   ", open(CLINICIAN, atB.get("ref"), "x ".repeat(300)));
        refused.put("caseReference", open(CLINICIAN, B + "-2026-9999", REASON));
        refused.put("caseReference ", open(CLINICIAN, null, REASON));
        refused.forEach((field, reply) -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly(field.strip());
        });
        // a case of one's own site needs no glass broken
        String atA = cases.participant(A);
        Reply own = open(
                CLINICIAN,
                tester.get("/participants/" + atA).json().get("caseRef").asText(),
                REASON);
        assertThat(own.status()).as(own.toString()).isEqualTo(409);
        // roles that read no cases at a site of their own may not break glass
        for (String username : List.of(LEAD_A, DPO, ADMIN_A)) {
            Reply reply = open(username, atB.get("ref"), REASON);
            assertThat(reply.status()).as(username + ": " + reply).isEqualTo(403);
            assertThat(TestApp.as(APP, username).get("/break-glass").status()).isEqualTo(403);
        }
        int grants = DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM break_glass_grant WHERE participant_id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
        assertThat(grants).isZero();
        assertThat(TestApp.as(APP, CLINICIAN).get("/participants/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void the_screens_open_a_case_with_a_reason_and_show_it_read_only_with_a_banner() {
        Map<String, String> atB = caseAtB();
        PageClient browser = new PageClient(APP.getLocalPort()).signIn(POLICE, Staff.PASSWORD);
        assertThat(browser.get("/").body()).contains("href=\"/break-glass\"");
        assertThat(browser.get("/cases/" + atB.get("id")).statusCode()).isEqualTo(404);

        HttpResponse<String> thin = browser.post(
                "/break-glass",
                browser.withToken("/break-glass", Map.of("caseReference", atB.get("ref"), "reason", "need it")));
        assertThat(thin.statusCode()).isEqualTo(422);
        assertThat(thin.body()).contains("govuk-error-summary").contains("href=\"#f-reason\"");

        HttpResponse<String> opened = browser.post(
                "/break-glass",
                browser.withToken("/break-glass", Map.of("caseReference", atB.get("ref"), "reason", REASON)));
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/cases/" + atB.get("id"));
        HttpResponse<String> page = browser.get("/cases/" + atB.get("id"));
        assertThat(page.statusCode()).isEqualTo(200);
        String until = DateTimeFormatter.ofPattern("HH:mm")
                .format(Instant.parse(Cases.ok(TestApp.as(APP, POLICE).get("/break-glass"))
                                .get("items")
                                .get(0)
                                .get("expiresAt")
                                .asText())
                        .atZone(ProgrammeClock.ZONE));
        assertThat(page.body())
                .contains("data-test=\"break-glass\"")
                .contains("Break-glass access until " + until + " — every view is audited")
                .contains(atB.get("ref"));
        // a case of one's own site has no banner
        String own = cases.participant(A);
        assertThat(browser.get("/cases/" + own).body()).doesNotContain("data-test=\"break-glass\"");
    }

    /** The issue: "an administrator's password reset is never a way in". */
    @Test
    void a_password_reset_gives_the_account_its_own_sites_and_nothing_more() {
        Map<String, String> atB = caseAtB();
        String username = "bg.reset." + (++serial);
        Staff.ensure(APP, username, Set.of(Role.clinician), Set.of(A));
        String temporary = Cases.ok(TestApp.as(APP, ADMIN_A).post("/users/" + username + "/password", null))
                .get("password")
                .asText();
        Api withTemporary = TestApp.anonymous(APP).withBasic(username, temporary);
        assertThat(withTemporary.get("/participants/" + atB.get("id")).status()).isEqualTo(403);
        assertThat(withTemporary
                        .post(
                                "/me/password",
                                Map.of("currentPassword", temporary, "newPassword", "a pass phrase of my own"))
                        .status())
                .isEqualTo(204);
        Api after = TestApp.anonymous(APP).withBasic(username, "a pass phrase of my own");
        assertThat(after.get("/participants/" + atB.get("id")).status()).isEqualTo(404);
        assertThat(Cases.ok(after.get("/participants?siteCode=" + B)).get("items"))
                .isEmpty();
        // the administrator who reset it reads no case at all
        assertThat(TestApp.as(APP, ADMIN_A)
                        .get("/participants/" + atB.get("id"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void two_openings_at_once_both_stand_and_raise_one_alert_told_once() throws Exception {
        Map<String, String> atB = caseAtB();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (String username : List.of(CLINICIAN, POLICE)) {
            replies.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return open(username, atB.get("ref"), REASON);
            }));
        }
        for (CompletableFuture<Reply> reply : replies) {
            Cases.created(reply.get());
        }
        assertThat(alertsOf(DPO, atB.get("id"))).hasSize(1);
        assertThat(alertsOf(LEAD_B, atB.get("id"))).hasSize(1);
        assertThat(TestApp.as(APP, CLINICIAN)
                        .get("/participants/" + atB.get("id"))
                        .status())
                .isEqualTo(200);
        assertThat(TestApp.as(APP, POLICE).get("/participants/" + atB.get("id")).status())
                .isEqualTo(200);
    }
}
