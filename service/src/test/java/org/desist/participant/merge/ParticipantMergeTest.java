package org.desist.participant.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Disclosed;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Merging a person entered twice: everything of the case moves to the survivor in one go, the merged id answers
 * 410 naming the survivor, the figures count the person once and the attendance totals stay true.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ParticipantMergeTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);
    static Api api;
    static Api advocate;
    static Cases cases;
    static Jdbi database;

    @BeforeAll
    static void sites() {
        api = TestApp.api(APP);
        cases = new Cases(api);
        for (String site : new String[] {"MRGA", "MRGB", "MRGC"}) {
            cases.site(site);
        }
        Staff.ensure(APP, "merge.advocate", Set.of(Role.advocate), Set.of());
        Staff.ensure(APP, "merge.clinician", Set.of(Role.clinician), Set.of("MRGA"));
        Staff.ensure(APP, "merge.admin.a", Set.of(Role.admin), Set.of("MRGA"));
        Staff.ensure(APP, "merge.admin.c", Set.of(Role.admin), Set.of("MRGC"));
        Staff.ensure(APP, "merge.lead.b", Set.of(Role.programme_lead, Role.clinician), Set.of("MRGB"));
        Staff.ensure(APP, "merge.lead.ab", Set.of(Role.programme_lead, Role.clinician), Set.of("MRGA", "MRGB"));
        advocate = TestApp.as(APP, "merge.advocate");
        database = DATABASE.jdbi();
    }

    /**
     * A person referred: a second time with no NHS number and the day and month of birth transposed, so that
     * intake could not match the two.
     */
    static JsonNode referred(String site, String receivedOn, String givenName, String dateOfBirth, String nhsNumber) {
        Map<String, Object> body = Cases.referral(site, receivedOn, givenName, "Webb");
        Map<String, Object> person =
                new LinkedHashMap<>(Map.of("givenName", givenName, "familyName", "Webb", "dateOfBirth", dateOfBirth));
        if (nhsNumber != null) {
            person.put("nhsNumber", nhsNumber);
        }
        body.put("participant", person);
        JsonNode referral = Cases.created(api.post("/referrals", body));
        cases.review(referral.get("id").asText(), "high", "accept_for_intervention");
        return referral;
    }

    /** One record of every kind, and two sessions with an outcome; answers the address of each record. */
    static List<String> wholeCase(String participant, String day) {
        List<String> records = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            Api writer = kind == RecordKind.VICTIM_SAFETY ? advocate : api;
            Map<String, Object> body = kind.validBody("");
            if (kind == RecordKind.VICTIM_SAFETY) {
                body.put("victimRef", "VA-2026-0147");
            }
            String base = "/participants/" + participant + "/" + kind.path;
            records.add(base + "/"
                    + Cases.created(writer.post(base, body)).get("id").asText());
        }
        for (String hour : new String[] {"09", "14"}) {
            String base = "/participants/" + participant + "/sessions";
            String session = Cases.created(api.post(
                            base,
                            Map.of(
                                    "kind",
                                    "individual_therapy",
                                    "scheduledAt",
                                    day + "T" + hour + ":00:00Z",
                                    "durationMinutes",
                                    50,
                                    "facilitator",
                                    "Dr A. Okafor")))
                    .get("id")
                    .asText();
            Cases.ok(api.post(
                    base + "/" + session + "/outcome",
                    Map.of("outcome", "attended", "engagement", 4, "shareable", false)));
            records.add(base + "/" + session);
        }
        return records;
    }

    static Reply merge(Api caller, String id, Object body) {
        return caller.post("/participants/" + id + "/merge", body);
    }

    static Map<String, Object> into(String survivor) {
        return Map.of("into", survivor, "reason", "Same person: date of birth and address confirmed by probation");
    }

    /** A figure's total over the report's period (the largest of its totals, the monthly ones included). */
    static int figure(JsonNode report, String name) {
        int total = -1;
        for (JsonNode row : report.get("figures")) {
            if (row.get("figure").asText().equals(name)
                    && row.get("breakdownBy").isNull()) {
                total = Math.max(total, row.get("value").asInt());
            }
        }
        assertThat(total).as("figure " + name + " in " + report).isNotNegative();
        return total;
    }

    @Test
    void a_person_entered_twice_becomes_one_case_under_the_survivor() {
        String cohort = cases.cohort("MRGA").get("id").asText();
        JsonNode first = referred("MRGA", "2026-02-01", "Marcus", "1984-09-21", "943 476 5919");
        JsonNode second = referred("MRGA", "2026-02-02", "Marcus", "1984-09-12", null);
        String survivor = first.get("participantId").asText();
        String merged = second.get("participantId").asText();
        String survivorRef =
                Cases.ok(api.get("/participants/" + survivor)).get("caseRef").asText();
        List<String> records = new ArrayList<>(wholeCase(survivor, "2026-03-02"));
        records.addAll(wholeCase(merged, "2026-03-03"));
        String survivorEnrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", survivor, "cohortId", cohort, "on", "2026-02-04")))
                .get("id")
                .asText();
        String mergedEnrolment = Cases.created(api.post(
                        "/enrolments", Map.of("participantId", merged, "cohortId", cohort, "on", "2026-02-04")))
                .get("id")
                .asText();
        for (String enrolment : List.of(survivorEnrolment, mergedEnrolment)) {
            cases.move(enrolment, "assessing", "2026-02-05");
            cases.move(enrolment, "enrolled", "2026-02-06");
        }
        String report = "/cohorts/" + cohort + "/report?from=2026-01-05&to=2026-12-31&unsuppressed=true";
        JsonNode before = Cases.ok(api.get(report));
        assertThat(figure(before, "risk_compared")).as("two people, as entered").isEqualTo(2);
        assertThat(figure(before, "enrolled_to_date"))
                .as("two people, as entered")
                .isEqualTo(2);

        // who may merge: a clinician may not; an administrator of another site does not see the case
        assertThat(merge(TestApp.as(APP, "merge.clinician"), merged, into(survivor))
                        .status())
                .isEqualTo(403);
        Reply elsewhere = merge(TestApp.as(APP, "merge.admin.c"), merged, into(survivor));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        assertThat(elsewhere.header("Content-Type")).startsWith("application/problem+json");
        Api siteAdmin = TestApp.as(APP, "merge.admin.a");

        // what is refused, changing nothing
        assertThat(merge(siteAdmin, "no-such-participant", into(survivor)).status())
                .isEqualTo(404);
        assertInvalid(merge(siteAdmin, merged, Map.of("reason", "Same person")), "into");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", merged, "reason", "Same person")), "into");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", "no-such-participant", "reason", "Same person")), "into");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", "x".repeat(101), "reason", "Same person")), "into");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", survivor, "reason", "  ")), "reason");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", survivor)), "reason");
        assertInvalid(merge(siteAdmin, merged, Map.of("into", survivor, "reason", "x".repeat(2001))), "reason");
        Reply bothOpen = merge(siteAdmin, merged, into(survivor));
        assertThat(bothOpen.status()).as(bothOpen.toString()).isEqualTo(409);
        assertThat(bothOpen.json().get("detail").asText()).contains(survivorEnrolment, mergedEnrolment);
        assertThat(Cases.ok(api.get("/participants/" + merged)).get("id").asText())
                .isEqualTo(merged);

        cases.move(mergedEnrolment, "withdrawn", "2026-02-07");
        JsonNode survivorNow = Cases.ok(merge(siteAdmin, merged, into(survivor)));
        assertThat(survivorNow.get("id").asText()).isEqualTo(survivor);
        assertThat(survivorNow.get("caseRef").asText()).isEqualTo(survivorRef);

        // every record of both reads under the survivor
        for (String record : records) {
            String moved = record.replace("/participants/" + merged + "/", "/participants/" + survivor + "/");
            assertThat(api.get(moved).status()).as(moved).isEqualTo(200);
        }
        for (String enrolment : List.of(survivorEnrolment, mergedEnrolment)) {
            assertThat(Cases.ok(api.get("/enrolments/" + enrolment))
                            .get("participantId")
                            .asText())
                    .isEqualTo(survivor);
        }
        for (String referral :
                List.of(first.get("id").asText(), second.get("id").asText())) {
            assertThat(Cases.ok(api.get("/referrals/" + referral))
                            .get("participantId")
                            .asText())
                    .isEqualTo(survivor);
        }
        JsonNode timeline = Cases.ok(api.get("/participants/" + survivor + "/timeline?limit=200"));
        String refs = timeline.get("items").findValuesAsText("ref").toString();
        for (String record : records) {
            String id = record.substring(record.lastIndexOf('/') + 1);
            if (!record.contains("/victim-safety/")) { // the tester is no advocate: it reads no concerns
                assertThat(refs).as("timeline of the survivor").contains(id);
            }
        }

        // the merged id is gone, saying where to, everywhere under it
        for (String path : List.of(
                "",
                "/sessions",
                "/incidents",
                "/timeline",
                "/summary?audience=probation",
                "/sessions/"
                        + records.get(records.size() - 1)
                                .substring(records.get(records.size() - 1).lastIndexOf('/') + 1))) {
            Reply gone = api.get("/participants/" + merged + path);
            assertThat(gone.status()).as(path + " " + gone).isEqualTo(410);
            assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
            assertThat(gone.json().get("mergedInto").asText()).isEqualTo(survivor);
            assertThat(gone.json().get("mergedIntoCaseRef").asText()).isEqualTo(survivorRef);
        }
        Reply write = api.post("/participants/" + merged + "/incidents", RecordKind.INCIDENTS.validBody(""));
        assertThat(write.status()).as(write.toString()).isEqualTo(410);
        Map<String, Object> again = Cases.referralOf("MRGA", "2026-03-05", merged);
        Reply referredAgain = api.post("/referrals", again);
        assertInvalid(referredAgain, "participantId");
        assertThat(referredAgain.json().get("detail").asText()).contains(survivorRef);
        assertThat(merge(siteAdmin, merged, into(survivor)).status())
                .as("merged already")
                .isEqualTo(410);
        Reply intoMerged = merge(siteAdmin, survivor, into(merged));
        assertThat(intoMerged.status()).as(intoMerged.toString()).isEqualTo(409);

        // one Marcus Webb in a search
        JsonNode found = Cases.ok(api.post("/participants/search", Map.of("q", "marcus webb")));
        assertThat(found.get("items").findValuesAsText("id")).contains(survivor).doesNotContain(merged);

        // both identities kept: the survivor's subject access lists the identity it was merged with
        JsonNode subject = Cases.ok(
                TestApp.as(APP, "merge.admin.a").get(Disclosed.to("/participants/" + survivor + "/subject-access")));
        assertThat(subject.get("identityVersions").findValuesAsText("dateOfBirth"))
                .containsExactly("1984-09-21", "1984-09-12");
        // and the decision that they are one person, with its reason: held about the person, so shown to them
        JsonNode decision = subject.get("identityDecisions").get(0);
        assertThat(decision.get("decision").asText()).isEqualTo("merged");
        assertThat(decision.get("reason").asText())
                .isEqualTo("Same person: date of birth and address confirmed by" + " probation");
        assertThat(decision.get("byRole").asText()).isEqualTo("admin");
        assertThat(decision.get("at").asText()).isNotBlank();

        // audited, for both people, in the merge's own transaction
        List<Map<String, Object>> audit = database.withHandle(handle -> handle.createQuery("SELECT action, username,"
                        + " resource_id, participant_id FROM audit_event WHERE resource_type = 'participant_merge'"
                        + " ORDER BY seq")
                .mapToMap()
                .list());
        assertThat(audit).hasSize(2);
        assertThat(audit).extracting(row -> row.get("action")).containsOnly("update");
        assertThat(audit).extracting(row -> row.get("username")).containsOnly("merge.admin.a");
        assertThat(audit).extracting(row -> row.get("participant_id")).containsExactly(merged, survivor);
        Map<String, Object> mark = database.withHandle(handle -> handle.createQuery(
                        "SELECT merged_into, merged_by," + " merge_reason FROM participant WHERE id = :id")
                .bind("id", merged)
                .mapToMap()
                .one());
        assertThat(mark)
                .containsEntry("merged_into", survivor)
                .containsEntry("merged_by", "merge.admin.a")
                .containsEntry("merge_reason", "Same person: date of birth and address confirmed by probation");

        // nothing of the case is left on the merged id
        for (String table : ParticipantMerge.MOVED) {
            int left = database.withHandle(
                    handle -> handle.createQuery("SELECT count(*) FROM " + table + " WHERE participant_id = :id")
                            .bind("id", merged)
                            .mapTo(Integer.class)
                            .one());
            assertThat(left).as(table).isZero();
        }

        // the figures count him once; the attendance totals equal a recount
        JsonNode after = Cases.ok(api.get(report));
        assertThat(figure(after, "risk_compared")).as("one person").isEqualTo(1);
        assertThat(figure(after, "enrolled_to_date")).as("one person").isEqualTo(1);
        assertThat(figure(after, "enrolments"))
                .as("his two enrolments, one withdrawn")
                .isEqualTo(2);
        assertThat(figure(after, "sessions_offered"))
                .as("every session still counts")
                .isEqualTo(4);
        verifyTotals();
    }

    @Test
    void a_person_known_at_two_sites_is_merged_by_a_lead_of_both() {
        String survivor = referred("MRGA", "2026-02-01", "Lena", "1990-04-03", "401 023 2137")
                .get("participantId")
                .asText();
        String merged = referred("MRGB", "2026-02-02", "Lena", "1990-03-04", null)
                .get("participantId")
                .asText();
        wholeCase(merged, "2026-03-04");
        String cohortB = cases.cohort("MRGB").get("id").asText();
        Cases.created(
                api.post("/enrolments", Map.of("participantId", merged, "cohortId", cohortB, "on", "2026-02-04")));

        // a lead of one of the two sites cannot see the other's participant
        assertInvalid(merge(TestApp.as(APP, "merge.lead.b"), merged, into(survivor)), "into");
        Cases.ok(merge(TestApp.as(APP, "merge.lead.ab"), merged, into(survivor)));

        // the sessions now count for the survivor's site, and still for the cohort at the other site
        verifyTotals();
        Reply toLeadOfB = TestApp.as(APP, "merge.lead.b").get("/participants/" + merged);
        assertThat(toLeadOfB.status()).as("the survivor is not theirs to see").isEqualTo(404);
        assertThat(toLeadOfB.text()).doesNotContain(survivor);
        Reply toLeadOfBoth = TestApp.as(APP, "merge.lead.ab").get("/participants/" + merged + "/sessions");
        assertThat(toLeadOfBoth.status()).isEqualTo(410);
        assertThat(toLeadOfBoth.json().get("mergedInto").asText()).isEqualTo(survivor);
    }

    /**
     * On PostgreSQL (READ COMMITTED) an insert under the merged id checks its foreign key with a lock that does
     * not conflict with the merge's update of the participant, so without the writers' own lock it would commit
     * behind the merge's move and stay on the merged id. Here the merge is held open at its most dangerous point,
     * everything moved and not yet committed, while a write arrives: it must wait, then be refused. (SQLite
     * serialises writers: nothing can race there.)
     */
    @Test
    void a_write_racing_a_merge_waits_for_it_and_is_refused() throws Exception {
        Assumptions.assumeTrue(TestDatabase.onPostgres(), "SQLite serialises writes: no write can race a merge");
        String survivor = referred("MRGA", "2026-02-01", "Tomas", "1979-01-02", "450 557 7104")
                .get("participantId")
                .asText();
        String merged = referred("MRGA", "2026-02-01", "Tomas", "1979-02-01", null)
                .get("participantId")
                .asText();
        CompletableFuture<Reply> write;
        try (Connection merge = DATABASE.connect()) {
            merge.setAutoCommit(false);
            // what ParticipantMerge does, up to its commit: both rows locked, the case moved, the id marked
            execute(merge, "UPDATE participant SET version = version WHERE id IN (?, ?)", merged, survivor);
            // the survivor's team parts and open alerts win: the merged case's clashing ones end first
            execute(
                    merge,
                    "UPDATE case_team SET ended_at = '2026-12-03T00:00:00Z', ended_by = 'tester', to_date = '2026-12-03'"
                            + " WHERE participant_id = ? AND ended_at IS NULL AND team_role IN (SELECT team_role"
                            + " FROM case_team WHERE participant_id = ? AND ended_at IS NULL)",
                    merged,
                    survivor);
            execute(
                    merge,
                    "UPDATE alert SET cleared_at = '2026-12-03T00:00:00Z', cleared_because = 'merged'"
                            + " WHERE participant_id = ? AND cleared_at IS NULL AND rule IN (SELECT rule FROM alert"
                            + " WHERE participant_id = ? AND cleared_at IS NULL)",
                    merged,
                    survivor);
            for (String table : ParticipantMerge.MOVED) {
                execute(
                        merge,
                        "UPDATE " + table + " SET participant_id = ? WHERE participant_id = ?",
                        survivor,
                        merged);
            }
            execute(
                    merge,
                    "UPDATE participant SET merged_into = ?, merged_at = '2026-12-03T00:00:00Z',"
                            + " merged_by = 'tester', merge_reason = 'Same person' WHERE id = ?",
                    survivor,
                    merged);
            write = CompletableFuture.supplyAsync(
                    () -> api.post("/participants/" + merged + "/incidents", RecordKind.INCIDENTS.validBody("")));
            Thread.sleep(1500);
            assertThat(write).as("the write waits for the merge").isNotDone();
            merge.commit();
        }
        Reply refused = write.get(30, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(410);
        assertThat(refused.json().get("mergedInto").asText()).isEqualTo(survivor);
        int left = database.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM incident" + " WHERE participant_id = :id")
                        .bind("id", merged)
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).as("incidents left behind on the merged id").isZero();
    }

    static void execute(Connection connection, String sql, String... values) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Test
    void every_table_holding_a_participant_is_moved_or_deliberately_kept() throws Exception {
        List<String> tables = new ArrayList<>();
        List<String> baseTables = new ArrayList<>(); // not the active_ views: they hold no rows of their own
        // table by table: SQLite's driver asks for every table's columns at once as one compound SELECT, which
        // passes SQLite's limit of terms once the schema has as many tables and views as it has now
        try (var connection = DATABASE.connect();
                var named = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (named.next()) {
                baseTables.add(named.getString("TABLE_NAME"));
            }
            for (String table : baseTables) {
                try (var columns = connection.getMetaData().getColumns(null, null, table, "participant_id")) {
                    if (columns.next()) {
                        tables.add(table.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        List<String> known = new ArrayList<>(ParticipantMerge.MOVED);
        known.addAll(ParticipantMerge.KEPT);
        assertThat(tables).isNotEmpty();
        assertThat(known)
                .containsAll(tables.stream()
                        .filter(table -> !table.startsWith("databasechangelog"))
                        .toList());
    }

    static void assertInvalid(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
    }

    static void verifyTotals() {
        Path config = Commands.configFor(DATABASE);
        Commands.Outcome outcome = Commands.run(null, "verify-totals", config.toString());
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout()).contains("Attendance totals equal a recount of the sessions");
    }
}
