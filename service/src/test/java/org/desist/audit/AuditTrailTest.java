package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail against the calls that made it: a scripted day's work by several members of staff
 * leaves exactly one row per call, each naming who, as what, did what to which record, with which
 * outcome, under which request id and for which stated purpose. Then the log is attacked: the
 * database's triggers refuse (on SQLite and PostgreSQL), and once they are dropped from a copy of a
 * SQLite file, audit-verify names the damaged row.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class AuditTrailTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.on(DATABASE);

    private static final String NORTH = "NTH";
    private static final String SOUTH = "STH";

    /** One audit row as the tests compare it: everything but the time and the hashes. */
    record Row(
            String username,
            String role,
            String action,
            String resourceType,
            String resourceId,
            String participantId,
            int status,
            String requestId,
            String purpose) {

        static Row of(JsonNode json) {
            return new Row(
                    text(json, "username"),
                    text(json, "role"),
                    text(json, "action"),
                    text(json, "resourceType"),
                    text(json, "resourceId"),
                    text(json, "participantId"),
                    json.get("status").asInt(),
                    text(json, "requestId"),
                    text(json, "purpose"));
        }

        private static String text(JsonNode json, String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private static Api admin;
    private static String participantId;
    /** The rows the script must have left, in order. */
    private static final List<Row> expected = new ArrayList<>();
    /** The seq of the last row before the script and of the script's last row. */
    private static long before;

    private static long after;

    @BeforeAll
    static void aDaysWork() throws SQLException {
        Cases setup = new Cases(TestApp.api(APP));
        setup.site(NORTH);
        setup.site(SOUTH);
        String cohortId = setup.cohort(NORTH).get("id").asText();

        Staff.ensure(APP, "pc.north", Set.of(Role.police), Set.of(NORTH));
        Staff.ensure(APP, "dr.north", Set.of(Role.clinician), Set.of(NORTH));
        Staff.ensure(APP, "dr.south", Set.of(Role.clinician), Set.of(SOUTH));
        Staff.ensure(APP, "lead.all", Set.of(Role.programme_lead), Set.of());
        Staff.ensure(APP, "admin.ada", Set.of(Role.admin), Set.of());
        Api police = TestApp.as(APP, "pc.north");
        Api clinician = TestApp.as(APP, "dr.north");
        Api otherSite = TestApp.as(APP, "dr.south");
        Api lead = TestApp.as(APP, "lead.all");
        admin = TestApp.as(APP, "admin.ada");

        before = lastSeq();

        // 1. the police take a referral in
        Reply received = police.with("X-Purpose", "Referral from custody suite")
                .post("/referrals", Cases.referral(NORTH, "2026-02-01", "Daniel", "Hale"));
        JsonNode referral = Cases.created(received);
        String referralId = referral.get("id").asText();
        participantId = referral.get("participantId").asText();
        expect(
                received,
                "pc.north",
                "police",
                "create",
                "referral",
                referralId,
                participantId,
                201,
                "Referral from custody suite");

        // 2. a clinician reads the participant, saying why
        Reply read = clinician.with("X-Purpose", "Preparing the daily review").get("/participants/" + participantId);
        Cases.ok(read);
        expect(
                read,
                "dr.north",
                "clinician",
                "read",
                "participant",
                participantId,
                participantId,
                200,
                "Preparing the daily review");

        // 3. lists the review queue
        Reply queue = clinician.get("/referrals");
        Cases.ok(queue);
        expect(queue, "dr.north", "clinician", "read", "referral", null, null, 200, null);

        // 4. reviews the referral
        Reply reviewed = clinician.post(
                "/referrals/" + referralId + "/review",
                Map.of(
                        "reviewedOn",
                        "2026-02-02",
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reason",
                        "Escalating fixation"));
        Cases.ok(reviewed);
        // accepting makes the reviewing clinician the key worker, in the review's transaction
        expect(
                reviewed,
                "dr.north",
                "clinician",
                "create",
                "case_team",
                keyWorkerAllocation(participantId),
                participantId,
                201,
                null);
        expect(reviewed, "dr.north", "clinician", "update", "referral", referralId, participantId, 200, null);

        // 5. the programme lead enrols the participant, 6. and moves the enrolment on
        Reply opened = lead.post(
                "/enrolments", Map.of("participantId", participantId, "cohortId", cohortId, "on", "2026-02-03"));
        String enrolmentId = Cases.created(opened).get("id").asText();
        expect(opened, "lead.all", "programme_lead", "create", "enrolment", enrolmentId, participantId, 201, null);
        Reply moved = lead.post(
                "/enrolments/" + enrolmentId + "/transitions",
                Map.of("to", "assessing", "on", "2026-02-05", "reason", "Assessment booked"));
        Cases.ok(moved);
        expect(moved, "lead.all", "programme_lead", "update", "enrolment", enrolmentId, participantId, 200, null);

        // 7. the clinician corrects the participant's name against the version read in step 2
        Reply amended = clinician
                .with("X-Purpose", "Correcting a misspelt name")
                .patch("/participants/" + participantId, Map.of("givenName", "Danny"), read.header("ETag"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        expect(
                amended,
                "dr.north",
                "clinician",
                "update",
                "participant",
                participantId,
                participantId,
                200,
                "Correcting a misspelt name");

        // 8. an administrator tries to read clinical content: refused by role
        Reply refused = admin.with("X-Purpose", "Curiosity").get("/participants/" + participantId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        expect(refused, "admin.ada", "admin", "denied", "participant", participantId, participantId, 403, "Curiosity");

        // 9. a clinician of another site asks for the case: it does not exist for them
        Reply elsewhere = otherSite.get("/participants/" + participantId);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(404);
        expect(elsewhere, "dr.south", "clinician", "denied", "participant", participantId, participantId, 404, null);

        after = lastSeq();
    }

    /** The case's key-worker allocation, read from the database so that reading it leaves no audit row. */
    private static String keyWorkerAllocation(String participantId) throws SQLException {
        try (Connection db = DATABASE.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT id FROM case_team WHERE participant_id = ? AND team_role = 'key_worker'")) {
            query.setString(1, participantId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the key worker's allocation").isTrue();
                return row.getString(1);
            }
        }
    }

    private static void expect(
            Reply reply,
            String username,
            String role,
            String action,
            String resourceType,
            String resourceId,
            String participant,
            int status,
            String purpose) {
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).as("X-Request-Id of " + reply).isNotBlank();
        expected.add(
                new Row(username, role, action, resourceType, resourceId, participant, status, requestId, purpose));
    }

    @Test
    void every_call_of_the_script_left_exactly_its_own_row() {
        List<JsonNode> rows = scriptRows(Cases.ok(admin.get("/audit?limit=500")));

        assertThat(after - before).as("rows the script added").isEqualTo(expected.size());
        assertThat(rows).extracting(Row::of).containsExactlyElementsOf(expected);
        assertThat(rows)
                .extracting(row -> row.get("seq").asLong())
                .containsExactlyElementsOf(seqRange(before + 1, after));
    }

    @Test
    void rows_are_chained_and_timed_in_order() {
        List<JsonNode> rows = scriptRows(Cases.ok(admin.get("/audit?limit=500")));
        for (int i = 1; i < rows.size(); i++) {
            JsonNode previous = rows.get(i - 1);
            JsonNode row = rows.get(i);
            assertThat(row.get("prevHash").asText())
                    .isEqualTo(previous.get("hash").asText());
            assertThat(Instant.parse(row.get("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(previous.get("at").asText()));
        }
        assertThat(rows).extracting(row -> row.get("hash").asText()).allMatch(hash -> hash.matches("[0-9a-f]{64}"));
        assertThat(rows)
                .extracting(row -> row.get("keyId").asText())
                .containsOnly(AuditKeys.of(Commands.AUDIT_KEY, "").current().id());
    }

    @Test
    void the_database_holds_the_same_rows_the_api_shows() throws SQLException {
        List<JsonNode> api = scriptRows(Cases.ok(admin.get("/audit?limit=500")));
        List<String> stored = new ArrayList<>();
        try (Connection db = DATABASE.connect();
                ResultSet rows = db.createStatement()
                        .executeQuery(
                                "SELECT seq, username, action, request_id, hash" + " FROM audit_event WHERE seq > "
                                        + before + " AND seq <= " + after + " ORDER BY seq")) {
            while (rows.next()) {
                stored.add(rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4)
                        + " " + rows.getString(5));
            }
        }
        assertThat(stored)
                .containsExactlyElementsOf(api.stream()
                        .map(row -> row.get("seq").asLong() + " "
                                + row.get("username").asText() + " "
                                + row.get("action").asText() + " "
                                + row.get("requestId").asText() + " "
                                + row.get("hash").asText())
                        .toList());
    }

    @Test
    void reading_the_log_is_itself_audited() {
        Reply search = admin.with("X-Purpose", "Caldicott review").get("/audit?participantId=" + participantId);
        JsonNode page = Cases.ok(search);

        // the read is logged before the search runs, so it is the newest row of its own answer
        JsonNode newest = page.get("items").get(0);
        assertThat(Row.of(newest))
                .isEqualTo(new Row(
                        "admin.ada",
                        "admin",
                        "read",
                        "audit",
                        null,
                        participantId,
                        200,
                        search.header("X-Request-Id"),
                        "Caldicott review"));
    }

    @Test
    void the_participant_filter_answers_who_looked_at_this_person() {
        Reply search = admin.get("/audit?participantId=" + participantId + "&limit=500");
        List<JsonNode> items = items(Cases.ok(search));

        assertThat(items)
                .allSatisfy(row -> assertThat(row.get("participantId").asText()).isEqualTo(participantId));
        assertThat(scriptRows(items))
                .extracting(Row::of)
                .containsExactlyElementsOf(expected.stream()
                        .filter(row -> participantId.equals(row.participantId()))
                        .toList());
        assertThat(items).extracting(row -> row.get("requestId").asText()).contains(search.header("X-Request-Id"));
    }

    @Test
    void the_username_filter_shows_one_persons_accesses() {
        List<JsonNode> items = items(Cases.ok(admin.get("/audit?username=dr.north&limit=500")));

        assertThat(items)
                .allSatisfy(row -> assertThat(row.get("username").asText()).isEqualTo("dr.north"));
        assertThat(scriptRows(items))
                .extracting(Row::of)
                .containsExactlyElementsOf(expected.stream()
                        .filter(row -> row.username().equals("dr.north"))
                        .toList());
        assertThat(items(Cases.ok(admin.get("/audit?username=nobody.here")))).isEmpty();
    }

    @Test
    void the_date_filters_are_inclusive_days() {
        List<JsonNode> all = scriptRows(Cases.ok(admin.get("/audit?limit=500")));
        LocalDate first = LocalDate.ofInstant(Instant.parse(all.get(0).get("at").asText()), ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(
                Instant.parse(all.get(all.size() - 1).get("at").asText()), ZoneOffset.UTC);

        assertThat(scriptRows(Cases.ok(admin.get("/audit?limit=500&from=" + first + "&to=" + last))))
                .extracting(Row::of)
                .containsExactlyElementsOf(expected);
        assertThat(scriptRows(Cases.ok(admin.get("/audit?limit=500&from=" + first))))
                .extracting(Row::of)
                .containsExactlyElementsOf(expected);
        assertThat(items(Cases.ok(admin.get("/audit?from=" + last.plusDays(1)))))
                .isEmpty();
        assertThat(items(Cases.ok(admin.get("/audit?to=" + first.minusDays(1)))))
                .isEmpty();
        assertThat(items(Cases.ok(admin.get("/audit?username=dr.north&from=" + first.minusDays(3) + "&to="
                        + last.plusDays(3) + "&limit=500"))))
                .extracting(row -> row.get("username").asText())
                .containsOnly("dr.north");
    }

    @Test
    void the_log_is_paginated_newest_first_by_seq_so_reading_it_shifts_nothing() {
        // unfiltered: every read of the log adds a row, yet following `next` neither repeats nor skips
        JsonNode page = Cases.ok(admin.get("/audit?limit=2"));
        assertThat(page.get("items")).hasSize(2);
        long newer = page.get("items").get(0).get("seq").asLong();
        long older = page.get("items").get(1).get("seq").asLong();
        assertThat(newer).isEqualTo(older + 1);
        assertThat(page.get("next").asText()).contains("before=" + older).contains("limit=2");

        JsonNode next = Cases.ok(admin.get(page.get("next").asText().replaceFirst("^/api", "")));
        assertThat(next.get("items")).hasSize(2);
        assertThat(next.get("items").get(0).get("seq").asLong()).isEqualTo(older - 1);

        JsonNode filtered = Cases.ok(admin.get("/audit?username=dr.north&limit=1"));
        JsonNode second = Cases.ok(admin.get(filtered.get("next").asText().replaceFirst("^/api", "")));
        assertThat(second.get("items").get(0).get("username").asText()).isEqualTo("dr.north");
        assertThat(second.get("items").get(0).get("seq").asLong())
                .isLessThan(filtered.get("items").get(0).get("seq").asLong());
    }

    @Test
    void only_an_administrator_reads_the_log_and_a_refusal_is_audited() {
        Reply refused = TestApp.as(APP, "dr.north").get("/audit");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        JsonNode newestOfClinician =
                items(Cases.ok(admin.get("/audit?username=dr.north&limit=1"))).get(0);
        assertThat(Row.of(newestOfClinician))
                .isEqualTo(new Row(
                        "dr.north",
                        "clinician",
                        "denied",
                        "audit",
                        null,
                        null,
                        403,
                        refused.header("X-Request-Id"),
                        null));
    }

    // --- the file itself ---

    @Test
    void the_database_refuses_to_update_or_delete_audit_rows() throws SQLException {
        long target = before + 2;
        try (Connection db = DATABASE.connect();
                Statement sql = db.createStatement()) {
            if (DATABASE.isSqlite()) {
                ResultSet triggers = sql.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                        + " AND tbl_name = 'audit_event' ORDER BY name");
                List<String> names = new ArrayList<>();
                while (triggers.next()) {
                    names.add(triggers.getString(1));
                }
                triggers.close();
                assertThat(names).containsExactly("audit_event_no_delete", "audit_event_no_update");
            }

            // each inside a transaction that is rolled back, so a missing trigger cannot damage the live log
            db.setAutoCommit(false);
            List<String> attacks = new ArrayList<>(List.of(
                    "UPDATE audit_event SET purpose = 'Routine' WHERE seq = " + target,
                    "DELETE FROM audit_event WHERE seq = " + target,
                    "DELETE FROM audit_event"));
            if (!DATABASE.isSqlite()) {
                attacks.add("TRUNCATE audit_event"); // SQLite has no TRUNCATE; its DELETE without WHERE is covered
            }
            for (String attack : attacks) {
                try {
                    assertThatThrownBy(() -> sql.executeUpdate(attack))
                            .as(attack)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("append-only");
                } finally {
                    db.rollback();
                }
            }
        }
        assertThat(Row.of(scriptRows(Cases.ok(admin.get("/audit?limit=500"))).get(1)))
                .isEqualTo(expected.get(1));
        assertThat(verify(DATABASE.factory()).intact()).isTrue();
    }

    @Test
    void an_untampered_log_verifies_in_code_and_on_the_command_line() throws Exception {
        Path copy = snapshot();
        AuditVerification.Result result = verify(copy);
        assertThat(result.intact()).as(String.valueOf(result)).isTrue();
        assertThat(result.rows()).isEqualTo(rowsIn(copy)).isGreaterThanOrEqualTo(after);
        assertThat(result.problem()).isNull();

        Commands.Outcome outcome =
                Commands.run(null, "audit-verify", Commands.configFor(copy).toString());
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout())
                .contains("Audit log intact: " + result.rows() + " rows, chain head " + result.headHash());
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void audit_verify_walks_the_live_database() {
        Commands.Outcome outcome =
                Commands.run(null, "audit-verify", Commands.configFor(DATABASE).toString());
        assertThat(outcome.succeeded()).as(outcome.toString()).isTrue();
        assertThat(outcome.stdout()).contains("Audit log intact: ");
    }

    @Test
    void an_edited_row_is_named() throws Exception {
        long edited = before + 2; // the clinician's purposeful read
        Path copy = tampered("UPDATE audit_event SET purpose = 'Routine check' WHERE seq = " + edited);

        assertBroken(copy, "row " + edited + " was altered: its content no longer matches its seal");
    }

    @Test
    void an_edited_row_resealed_without_the_key_is_named() throws Exception {
        long edited = before + 7; // the clinician's amendment, blamed on somebody else
        Path copy = resealed(edited, (event, prevHash) -> AuditHash.of(edited, event, prevHash));

        assertBroken(copy, "row " + edited + " was altered: its content no longer matches its seal");
    }

    @Test
    void an_edited_row_resealed_even_with_the_key_breaks_the_link_to_the_next() throws Exception {
        long edited = before + 7;
        AuditKey stolen = AuditKeys.of(Commands.AUDIT_KEY, "").current();
        Path copy = resealed(edited, (event, prevHash) -> AuditHash.sealed(stolen, edited, event, prevHash));

        assertBroken(copy, "row " + (edited + 1) + " does not follow row " + edited);
    }

    /** A copy in which one row is blamed on pc.north and given a new seal of the attacker's making. */
    private static Path resealed(long edited, java.util.function.BiFunction<AuditEvent, String, String> seal)
            throws Exception {
        Path copy = snapshot();
        try (Connection db = connect(copy);
                Statement sql = db.createStatement()) {
            dropTriggers(sql);
            ResultSet row = sql.executeQuery("SELECT at, role, action, resource_type, resource_id, participant_id,"
                    + " status, request_id, purpose, prev_hash, client_address FROM audit_event WHERE seq = " + edited);
            assertThat(row.next()).isTrue();
            AuditEvent forged = new AuditEvent(
                    Instant.parse(row.getString(1)),
                    "pc.north",
                    row.getString(2),
                    AuditAction.valueOf(row.getString(3)),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getInt(7),
                    row.getString(8),
                    row.getString(9),
                    row.getString(11));
            String resealed = seal.apply(forged, row.getString(10));
            row.close();
            sql.executeUpdate(
                    "UPDATE audit_event SET username = 'pc.north', hash = '" + resealed + "' WHERE seq = " + edited);
        }
        return copy;
    }

    @Test
    void a_deleted_middle_row_is_named() throws Exception {
        long deleted = before + 8; // the administrator's refused attempt
        Path copy = tampered("DELETE FROM audit_event WHERE seq = " + deleted);

        assertBroken(copy, "row " + deleted + " is missing (next row is " + (deleted + 1) + ")");
    }

    @Test
    void a_deleted_last_row_is_detected_against_the_head() throws Exception {
        Path copy = snapshot();
        long last = rowsIn(copy);
        try (Connection db = connect(copy);
                Statement sql = db.createStatement()) {
            dropTriggers(sql);
            sql.executeUpdate("DELETE FROM audit_event WHERE seq = " + last);
        }

        assertBroken(copy, "the log ends at row " + (last - 1) + " but its head records row " + last);
    }

    // --- helpers ---

    /** Both the walk and the command report the chain broken, naming the damage the same way. */
    private static void assertBroken(Path copy, String damage) {
        AuditVerification.Result result = verify(copy);
        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).startsWith("audit chain broken: " + damage);

        Commands.Outcome outcome =
                Commands.run(null, "audit-verify", Commands.configFor(copy).toString());
        assertThat(outcome.failure()).as(outcome.toString()).isPresent();
        assertThat(outcome.stderr()).contains("audit-verify: audit chain broken: " + damage);
        assertThat(outcome.stdout()).doesNotContain("Audit log intact");
    }

    /** A consistent copy of the live database, taken while the app runs. */
    private static Path snapshot() throws Exception {
        assumeTrue(DATABASE.isSqlite(), "tampering is shown on a copy of a SQLite file");
        Path copy = Files.createTempDirectory("desist-audit-copy").resolve("copy.db");
        try (Connection db = DATABASE.connect();
                Statement sql = db.createStatement()) {
            sql.execute("VACUUM INTO '" + copy + "'");
        }
        return copy;
    }

    private static Path tampered(String change) throws Exception {
        Path copy = snapshot();
        try (Connection db = connect(copy);
                Statement sql = db.createStatement()) {
            dropTriggers(sql);
            assertThat(sql.executeUpdate(change)).isEqualTo(1);
        }
        return copy;
    }

    private static void dropTriggers(Statement sql) throws SQLException {
        sql.execute("DROP TRIGGER audit_event_no_update");
        sql.execute("DROP TRIGGER audit_event_no_delete");
    }

    private static AuditVerification.Result verify(Path file) {
        return verify(TestDatabase.sqlite(file).factory());
    }

    private static AuditVerification.Result verify(DataSourceFactory factory) {
        try (Databases.Opened database = Databases.open(factory, false, "audit-trail-test")) {
            AuditKeys.of(Commands.AUDIT_KEY, "").installOn(database.jdbi());
            return AuditVerification.walk(database.jdbi());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static long lastSeq() throws SQLException {
        try (Connection db = DATABASE.connect()) {
            return rowsIn(db);
        }
    }

    private static long rowsIn(Path file) throws SQLException {
        try (Connection db = connect(file)) {
            return rowsIn(db);
        }
    }

    private static long rowsIn(Connection db) throws SQLException {
        try (ResultSet result = db.createStatement().executeQuery("SELECT coalesce(max(seq), 0) FROM audit_event")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    /** The script's rows of a page, oldest first. */
    private static List<JsonNode> scriptRows(JsonNode page) {
        return scriptRows(items(page));
    }

    private static List<JsonNode> scriptRows(List<JsonNode> rows) {
        return rows.stream()
                .filter(row ->
                        row.get("seq").asLong() > before && row.get("seq").asLong() <= after)
                .sorted(java.util.Comparator.comparingLong(row -> row.get("seq").asLong()))
                .toList();
    }

    private static List<Long> seqRange(long from, long to) {
        List<Long> range = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            range.add(seq);
        }
        return range;
    }
}
