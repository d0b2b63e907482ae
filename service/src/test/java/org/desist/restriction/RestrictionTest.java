package org.desist.restriction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
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
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restriction of processing (docs/access.md): while the DPO holds a case restricted nothing of it is written, nobody
 * but the DPO reads it, and the DPO's reads are audited with the purpose; lifting restores normal work.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class RestrictionTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static final String SITE = "RST";
    static final String DPO = "rs.dpo";
    static final String CLINICIAN = "rs.clinician";
    static final String PURPOSE = "accuracy contested by the data subject";

    static Api tester;
    static Api dpo;
    static Cases cases;
    static String cohortId;

    @BeforeAll
    static void oneSite() {
        tester = TestApp.api(APP);
        cases = new Cases(tester);
        cases.site(SITE);
        cohortId = cases.cohort(SITE).get("id").asText();
        Staff.ensure(APP, DPO, Set.of(Role.dpo), Set.of());
        Staff.ensure(APP, CLINICIAN, Set.of(Role.clinician), Set.of(SITE));
        dpo = TestApp.as(APP, DPO);
    }

    static Reply restrict(Api api, String participantId, String purpose) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", purpose);
        return api.post("/participants/" + participantId + "/restriction", body);
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

    static int count(String table, String participantId) {
        return DATABASE.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM " + table + " WHERE participant_id = :id")
                .bind("id", participantId)
                .mapTo(Integer.class)
                .one());
    }

    @Test
    void a_restricted_case_refuses_every_write_and_every_read_but_the_dpos() {
        JsonNode enrolment = cases.enrolment(SITE, cohortId);
        String id = enrolment.get("participantId").asText();
        String enrolmentId = enrolment.get("id").asText();
        String etag = tester.get("/participants/" + id).header("ETag");

        JsonNode restriction = Cases.created(restrict(dpo, id, "  " + PURPOSE + " "));
        assertThat(restriction.get("purpose").asText()).isEqualTo(PURPOSE);
        assertThat(restriction.get("restrictedBy").asText()).isEqualTo(DPO);
        assertThat(auditOf(DPO, id)).last().satisfies(row -> assertThat(row)
                .containsEntry("action", "restrict")
                .containsEntry("resource_type", "restriction")
                .containsEntry("purpose", PURPOSE));

        List<String> tables = List.of("incident", "session", "case_team", "referral", "enrolment");
        Map<String, Integer> before = new HashMap<>();
        tables.forEach(table -> before.put(table, count(table, id)));
        List<Reply> writes = List.of(
                tester.patch("/participants/" + id, Map.of("givenName", "Changed"), etag),
                tester.post("/participants/" + id + "/incidents", RecordKind.INCIDENTS.validBody("")),
                tester.post("/participants/" + id + "/sessions", RecordKind.SESSIONS.validBody("")),
                tester.post(
                        "/participants/" + id + "/team",
                        Map.of("username", CLINICIAN, "role", "key_worker", "from", "2026-02-03")),
                tester.post(
                        "/enrolments/" + enrolmentId + "/transitions",
                        Map.of("to", "enrolled", "on", "2026-02-04", "reason", "Started")),
                tester.post("/referrals", Cases.referralOf(SITE, "2026-02-05", id)));
        for (Reply write : writes) {
            assertThat(write.status()).as(write.toString()).isEqualTo(409);
            assertThat(write.contentType()).startsWith("application/problem+json");
            assertThat(write.json().get("detail").asText()).contains("restricted");
        }
        tables.forEach(table -> assertThat(count(table, id)).as(table).isEqualTo(before.get(table)));
        assertThat(Cases.ok(tester.get("/enrolments/" + enrolmentId))
                        .get("state")
                        .asText())
                .isEqualTo("referred");
        assertThat(Cases.ok(dpo.get("/participants/" + id)).get("givenName").asText())
                .isEqualTo("Daniel");

        // reads by anyone else: 403, audited as denied
        for (String path : List.of("", "/incidents", "/timeline", "/team")) {
            Reply read = TestApp.as(APP, CLINICIAN).get("/participants/" + id + path);
            assertThat(read.status()).as(path + ": " + read).isEqualTo(403);
            assertThat(read.json().get("detail").asText()).contains("restricted");
        }
        assertThat(auditOf(CLINICIAN, id)).hasSize(4).allSatisfy(row -> assertThat(row)
                .containsEntry("action", "denied"));

        // the DPO reads the identity and the subject-access export, each audited with the purpose
        JsonNode seen = Cases.ok(dpo.get("/participants/" + id));
        assertThat(seen.get("restricted").asBoolean()).isTrue();
        assertThat(seen.get("restrictionPurpose").asText()).isEqualTo(PURPOSE);
        assertThat(seen.get("givenName").asText()).isEqualTo("Daniel");
        assertThat(dpo.get("/participants/" + id + "/subject-access?" + org.desist.support.Disclosed.QUERY)
                        .status())
                .isEqualTo(200);
        // the read under the restriction's purpose; the export, a disclosure, under the purpose stated for it
        List<Map<String, Object>> dpoRows = auditOf(DPO, id);
        assertThat(dpoRows.subList(dpoRows.size() - 2, dpoRows.size()))
                .extracting(row -> row.get("action") + " for " + row.get("purpose"))
                .containsExactly("read for " + PURPOSE, "disclose for parole hearing");

        // restricted once is enough
        assertThat(restrict(dpo, id, "another purpose altogether").status()).isEqualTo(409);

        // lifted: the case is read and written as before
        JsonNode lifted = Cases.ok(dpo.post("/participants/" + id + "/restriction/lift", null));
        assertThat(lifted.get("liftedBy").asText()).isEqualTo(DPO);
        assertThat(lifted.get("liftedAt").isNull()).isFalse();
        assertThat(auditOf(DPO, id)).last().satisfies(row -> assertThat(row)
                .containsEntry("action", "restriction_lift")
                .containsEntry("purpose", PURPOSE));
        assertThat(dpo.post("/participants/" + id + "/restriction/lift", null).status())
                .isEqualTo(409);
        assertThat(TestApp.as(APP, CLINICIAN).get("/participants/" + id).status())
                .isEqualTo(200);
        Cases.created(tester.post("/participants/" + id + "/incidents", RecordKind.INCIDENTS.validBody("")));
        assertThat(tester.patch("/participants/" + id, Map.of("givenName", "Changed"), etag)
                        .status())
                .isEqualTo(200);
        JsonNode unrestricted = Cases.ok(dpo.get("/participants/" + id));
        assertThat(unrestricted.get("restricted").asBoolean()).isFalse();
        assertThat(unrestricted.has("restrictionPurpose")).isFalse();
        // others never see the DPO's fields
        assertThat(Cases.ok(tester.get("/participants/" + id)).has("restricted"))
                .isFalse();
    }

    @Test
    void only_the_dpo_restricts_and_a_purpose_is_needed() {
        String id = cases.participant(SITE);
        for (Reply reply : List.of(
                restrict(tester, id, PURPOSE),
                restrict(TestApp.as(APP, CLINICIAN), id, PURPOSE),
                tester.post("/participants/" + id + "/restriction/lift", null))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        }
        for (String purpose : new String[] {null, "  ", "x".repeat(301)}) {
            Reply reply = restrict(dpo, id, purpose);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.fieldsAtFault()).containsExactly("purpose");
        }
        assertThat(restrict(dpo, "no-such-participant", PURPOSE).status()).isEqualTo(404);
        assertThat(count("case_restriction", id)).isZero();
        assertThat(tester.get("/participants/" + id).status()).isEqualTo(200);
    }

    /** A restriction and a write at once: the write either commits before the restriction, or is refused. */
    @Test
    void a_write_racing_a_restriction_commits_first_or_is_refused() throws Exception {
        for (int round = 0; round < 6; round++) {
            String id = cases.participant(SITE);
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Reply> restricted = CompletableFuture.supplyAsync(() -> {
                await(start);
                return restrict(dpo, id, PURPOSE);
            });
            CompletableFuture<Reply> write = CompletableFuture.supplyAsync(() -> {
                await(start);
                return tester.post("/participants/" + id + "/incidents", RecordKind.INCIDENTS.validBody(""));
            });
            assertThat(restricted.get().status())
                    .as(restricted.get().toString())
                    .isEqualTo(201);
            int status = write.get().status();
            assertThat(status).as(write.get().toString()).isIn(201, 409);
            assertThat(count("incident", id)).isEqualTo(status == 201 ? 1 : 0);
            if (status == 201) {
                Instant restrictedAt = Instant.parse(
                        restricted.get().json().get("restrictedAt").asText());
                Instant recordedAt =
                        Instant.parse(write.get().json().get("recordedAt").asText());
                assertThat(recordedAt)
                        .as("the write committed before the restriction")
                        .isBefore(restrictedAt);
            }
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
