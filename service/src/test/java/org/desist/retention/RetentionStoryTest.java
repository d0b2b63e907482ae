package org.desist.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditVerification;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Commands;
import org.desist.support.RecordKind;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.desist.time.ProgrammeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19's "done when", on the running service with a clock the test moves: a case closes, passes its review
 * date six years on, appears in the DPO's queue, is retained with a reason, passes that date, is held, cannot be
 * disposed of until the hold is lifted, and is disposed of. Then every table of the schema (read from the database's
 * catalogue) holds nothing of it but the content-free record: no distinctive string of its identity or free text
 * anywhere (the audit trail included, after searches, reads, summaries, an export and a merge), no version of its
 * records, and the rows kept for the figures with every identity and free-text column NULL. The audit chain still
 * verifies and the cohort report's figures have the same counts.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RetentionStoryTest {
    static final TestDatabase DB = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            LaterApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"), DB.overrides());

    static final String SITE = "RETN";
    /** Every free text and name of the case carries this marker; none may survive disposal. */
    static final String MARK = "Qxvmark";

    /**
     * The columns of the rows disposal keeps for the figures that held identity or free text: all must be NULL
     * (record ids, dates, states, codes and levels stay; usernames of staff are not the subject's data).
     */
    static final Map<String, List<String>> ERASED = Map.ofEntries(
            Map.entry(
                    "participant",
                    List.of(
                            "given_name",
                            "family_name",
                            "date_of_birth",
                            "pnc_id",
                            "nhs_number",
                            "given_key",
                            "family_key",
                            "nhs_key",
                            "pnc_key",
                            "merge_reason",
                            "new_person_reason")),
            Map.entry("referral", List.of("referrer", "behaviour", "victim_ref", "legal_status", "review_reason")),
            Map.entry("session", List.of("facilitator", "notes", "concern", "error_reason")),
            Map.entry("service_referral", List.of("provider", "reason", "error_reason")),
            Map.entry(
                    "assessment", List.of("assessor", "diagnoses", "substance_misuse", "formulation", "error_reason")),
            Map.entry("desistance_review", List.of("narrative", "error_reason")),
            Map.entry("incident", List.of("details", "error_reason")),
            Map.entry("enrolment", List.of()),
            Map.entry("retention_decision", List.of("reason")),
            Map.entry("legal_hold", List.of("reason")));

    /**
     * Where a disposed case's id may still be found: the skeletons above, its content-free record, the audit, and the
     * ledger of disclosures (no content of the case: kept so that an erasure can be passed on to every recipient).
     */
    static final Set<String> MAY_NAME_IT = new TreeSet<>(Set.of("disposed_case", "audit_event", "disclosure"));

    static {
        MAY_NAME_IT.addAll(ERASED.keySet());
    }

    @Test
    void a_case_is_reviewed_retained_held_and_disposed_of_leaving_only_its_content_free_record() throws Exception {
        // one account that may write every kind of record (victim safety is the advocate's)
        Staff.ensure(
                APP,
                "keeper",
                Set.of(Role.programme_lead, Role.clinician, Role.police, Role.advocate, Role.probation),
                Set.of());
        Api tester = TestApp.as(APP, "keeper");
        Cases cases = new Cases(tester);
        Staff.ensure(APP, "dpo", Set.of(Role.dpo), Set.of());
        Staff.ensure(APP, "admin", Set.of(Role.admin), Set.of());
        Api dpo = TestApp.as(APP, "dpo");
        Api admin = TestApp.as(APP, "admin");
        cases.site(SITE);
        String cohortId = cases.cohort(SITE).get("id").asText();
        LocalDate closedOn = LocalDate.now(ProgrammeClock.system());

        // another case of the cohort, which stays
        JsonNode other = cases.enrolment(SITE, cohortId);
        cases.move(other.get("id").asText(), "assessing", "2026-02-10");

        // the case to dispose of, with the marker in every identity and free-text field
        Map<String, Object> body = Cases.referral(SITE, "2026-02-01", MARK + "given", MARK + "family");
        Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) body.get("participant"));
        person.put("dateOfBirth", "1979-11-23");
        person.put("pncId", "2019/0012345A");
        body.put("participant", person);
        body.put("referrer", MARK + " referrer");
        body.put("behaviour", MARK + " behaviour");
        body.put("victimRef", MARK + "-victim");
        body.put("legalStatus", MARK + " legal status");
        body.put("confirmedNewPersonReason", MARK + " new person reason");
        JsonNode referral = Cases.created(tester.post("/referrals", body));
        String id = referral.get("participantId").asText();
        String nhs = ((String) person.get("nhsNumber")).replace(" ", "");
        review(tester, referral.get("id").asText(), "2026-02-02", "accept_for_intervention");
        String enrolmentId = Cases.created(tester.post(
                        "/enrolments", Map.of("participantId", id, "cohortId", cohortId, "on", "2026-02-03")))
                .get("id")
                .asText();
        move(tester, enrolmentId, "assessing", "2026-02-04");
        move(tester, enrolmentId, "enrolled", "2026-02-05");
        List<String> recordIds = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            recordIds.add(Cases.created(
                            tester.post("/participants/" + id + "/" + kind.path, kind.validBody(MARK + kind.name())))
                    .get("id")
                    .asText());
        }
        String sessionId = recordIds.get(RecordKind.SESSIONS.ordinal());
        Cases.ok(tester.post(
                "/participants/" + id + "/sessions/" + sessionId + "/outcome",
                Map.of(
                        "outcome",
                        "attended",
                        "engagement",
                        4,
                        "notes",
                        MARK + " session notes",
                        "shareable",
                        true,
                        "concern",
                        MARK + " session concern")));
        Reply current = tester.get("/participants/" + id);
        Cases.ok(tester.patch("/participants/" + id, Map.of("givenName", MARK + "amended"), current.header("ETag")));
        // the same person entered twice, merged into the case: its tombstone must go too
        Map<String, Object> twice = Cases.referral(SITE, "2026-02-06", MARK + "dup", MARK + "family");
        twice.put("behaviour", MARK + " duplicate behaviour");
        JsonNode duplicate = Cases.created(tester.post("/referrals", twice));
        String duplicateId = duplicate.get("participantId").asText();
        review(tester, duplicate.get("id").asText(), "2026-02-07", "no_further_action");
        Cases.ok(tester.post(
                "/participants/" + duplicateId + "/merge", Map.of("into", id, "reason", MARK + " merge reason")));
        // reads, searches, summaries and an export, each audited
        Cases.ok(tester.post("/participants/search", Map.of("q", MARK + "family")));
        Cases.ok(tester.post("/participants/search", Map.of("nhsNumber", nhs)));
        Cases.ok(tester.post("/participants/search", Map.of("pncId", "2019/0012345A")));
        Cases.ok(tester.post("/participants/search", Map.of("dateOfBirth", "1979-11-23")));
        for (String read : List.of(
                "", "/timeline", "/progress", "/summary?audience=probation", "/summary?audience=cps", "/team")) {
            Cases.ok(tester.get("/participants/" + id + read));
        }
        for (RecordKind kind : RecordKind.values()) {
            Cases.ok(tester.get("/participants/" + id + "/" + kind.path));
        }
        String disclosedTo = org.desist.support.Disclosed.QUERY;
        assertThat(admin.get("/participants/" + id + "/subject-access?" + disclosedTo)
                        .status())
                .isEqualTo(200);
        assertThat(tester.get("/participants/" + id + "/reports/probation?" + disclosedTo)
                        .status())
                .isEqualTo(200);
        // the reader's stated purpose is kept in the audit row as stated (DPA 2018 s.62: the log says why); it is the
        // reader's words, not the case's, and disposal does not rewrite the append-only chain
        Cases.ok(tester.with("X-Purpose", "Parole hearing 2026-12-10").get("/participants/" + id));
        move(tester, enrolmentId, "completed", closedOn.toString());

        String report = "/cohorts/" + cohortId + "/report?unsuppressed=true&from=2026-01-05&to=" + closedOn;
        assertThat(queued(dpo, id)).as("closed today: not due for six years").isNull();

        // six years and a day later the case is due
        LaterApplication.CLOCK.advance(Period.ofYears(6).plusDays(1));
        JsonNode due = queued(dpo, id);
        assertThat(due).as("due once its review date has passed").isNotNull();
        assertThat(due.get("recordClass").asText()).isEqualTo("enrolled");
        assertThat(due.get("policy").asText()).isEqualTo("P6Y");
        assertThat(due.get("closedOn").asText()).isEqualTo(closedOn.toString());
        assertThat(due.get("reviewDueOn").asText())
                .isEqualTo(closedOn.plusYears(6).toString());
        assertThat(due.get("dueBecause").asText()).isEqualTo("policy");
        assertThat(due.get("caseReference").asText())
                .isEqualTo(referral.get("caseRef").asText());
        assertThat(queued(dpo, other.get("participantId").asText()))
                .as("an open case never comes up")
                .isNull();

        // retained for a month, with a reason: out of the queue until then
        LocalDate until = LocalDate.now(LaterApplication.CLOCK).plusMonths(1);
        JsonNode retained = Cases.created(dpo.post(
                "/participants/" + id + "/retention-decisions",
                Map.of("decision", "retain", "until", until.toString(), "reason", MARK + " retain reason")));
        assertThat(retained.get("decidedBy").asText()).isEqualTo("dpo");
        assertThat(queued(dpo, id)).isNull();
        assertThat(dpo.post("/participants/" + id + "/retention-decisions", Map.of("decision", "dispose"))
                        .status())
                .as("not due again until " + until)
                .isEqualTo(409);

        // the month passes: due again, now because of the decision
        LaterApplication.CLOCK.advance(Period.ofMonths(1).plusDays(1));
        JsonNode dueAgain = queued(dpo, id);
        assertThat(dueAgain.get("reviewDueOn").asText()).isEqualTo(until.toString());
        assertThat(dueAgain.get("dueBecause").asText()).isEqualTo("retained_until");
        assertThat(dueAgain.at("/lastDecision/decision").asText()).isEqualTo("retain");

        // a legal hold blocks disposal until lifted
        JsonNode hold = Cases.created(
                dpo.post("/participants/" + id + "/legal-holds", Map.of("reason", MARK + " hold reason")));
        assertThat(queued(dpo, id).get("legalHold").asBoolean()).isTrue();
        Reply held = dpo.post("/participants/" + id + "/retention-decisions", Map.of("decision", "dispose"));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.json().get("detail").asText()).contains(hold.get("id").asText());
        Cases.ok(dpo.post(
                "/participants/" + id + "/legal-holds/" + hold.get("id").asText() + "/lift", null));

        int written = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT count(*) FROM record_version WHERE snapshot LIKE '%" + MARK + "%'")
                .mapTo(Integer.class)
                .one());
        assertThat(written).as("the scan below looks for what was written").isGreaterThan(0);
        // the figures as published on the day of disposal (the clock has moved: follow-up windows have passed)
        JsonNode figuresBefore = Cases.ok(tester.get(report));
        // a restriction stops processing, not the decision how long the case is stored: disposal goes ahead, and the
        // restriction's record goes with the case
        Cases.created(dpo.post(
                "/participants/" + id + "/restriction", Map.of("purpose", "accuracy contested by the data subject")));
        JsonNode disposed =
                Cases.created(dpo.post("/participants/" + id + "/retention-decisions", Map.of("decision", "dispose")));
        assertThat(disposed.get("decision").asText()).isEqualTo("dispose");
        assertThat(tester.get("/participants/" + id).status())
                .as("a disposed case is no longer a participant")
                .isEqualTo(404);
        assertThat(tester.get("/participants/" + id + "/sessions").status()).isEqualTo(404);
        for (String list : List.of("/referrals?siteCode=" + SITE, "/enrolments?cohortId=" + cohortId)) {
            Reply listed = tester.get(list);
            assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        }
        assertThat(Cases.ok(tester.post("/participants/search", Map.of("siteCode", SITE)))
                        .findValuesAsText("id"))
                .isNotEmpty()
                .doesNotContain(id);
        assertThat(queued(dpo, id)).isNull();
        assertThat(dpo.post("/participants/" + id + "/retention-decisions", Map.of("decision", "dispose"))
                        .status())
                .as("disposed of already")
                .isEqualTo(409);

        assertThat(figures(Cases.ok(tester.get(report))))
                .as("the published figures keep their counts")
                .isEqualTo(figures(figuresBefore));
        assertOnlyTheContentFreeRecordIsLeft(Set.of(id, duplicateId), recordIds, nhs);
        AuditVerification.Result chain;
        try (org.desist.db.Databases.Opened database =
                org.desist.db.Databases.open(DB.factory(), false, "retention-story-test")) {
            AuditKeys.of(Commands.AUDIT_KEY, "").installOn(database.jdbi());
            chain = AuditVerification.walk(database.jdbi());
        }
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        assertThat(auditActions(id)).contains("retain", "legal_hold", "legal_hold_lift", "dispose");
        List<String> purposes = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT purpose FROM audit_event WHERE participant_id = :id AND purpose IS NOT NULL")
                .bind("id", id)
                .mapTo(String.class)
                .list());
        // the X-Purpose of the read, the purpose of the two disclosures (the subject access export, the PDF) and the
        // restriction's: each the words of staff, not the case's
        assertThat(purposes)
                .containsExactlyInAnyOrder(
                        "Parole hearing 2026-12-10",
                        "parole hearing",
                        "parole hearing",
                        "accuracy contested by the data subject");
        List<String> disclosed = DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT kind FROM disclosure WHERE participant_id = :id ORDER BY kind")
                .bind("id", id)
                .mapTo(String.class)
                .list());
        assertThat(disclosed)
                .as("the ledger outlives the case, so the erasure can be passed on to each recipient")
                .containsExactly("probation_summary", "subject_access");
    }

    private void assertOnlyTheContentFreeRecordIsLeft(Set<String> ids, List<String> recordIds, String nhs)
            throws SQLException {
        List<String> marks = List.of(MARK.toLowerCase(Locale.ROOT), nhs, "0012345a", "1979-11-23");
        Map<String, Integer> naming = new TreeMap<>();
        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            for (String table : tables(db)) {
                try (ResultSet rows = sql.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        Map<String, String> row = new HashMap<>();
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            row.put(columns.getColumnName(c).toLowerCase(Locale.ROOT), rows.getString(c));
                        }
                        for (Map.Entry<String, String> cell : row.entrySet()) {
                            String value = cell.getValue() == null
                                    ? ""
                                    : cell.getValue().toLowerCase(Locale.ROOT);
                            for (String mark : marks) {
                                assertThat(value)
                                        .as("%s.%s holds %s after disposal", table, cell.getKey(), mark)
                                        .doesNotContain(mark);
                            }
                            if (recordIds.contains(cell.getValue())) {
                                assertThat(table)
                                        .as("a record's version in %s", table)
                                        .isNotEqualTo("record_version");
                            }
                        }
                        if (row.values().stream()
                                .filter(java.util.Objects::nonNull)
                                .anyMatch(ids::contains)) {
                            naming.merge(table, 1, Integer::sum);
                            for (String column : ERASED.getOrDefault(table, List.of())) {
                                assertThat(row.get(column))
                                        .as("%s.%s of a disposed case", table, column)
                                        .isNull();
                            }
                        }
                    }
                }
            }
        }
        assertThat(MAY_NAME_IT)
                .as("tables that still name the case: %s", naming)
                .containsAll(naming.keySet());
        assertThat(naming)
                .containsKeys("disposed_case", "participant", "referral", "enrolment", "session", "disclosure");
        assertThat(naming.get("participant"))
                .as("the case and its merged tombstone")
                .isEqualTo(2);
    }

    /** Every table of the schema, from the database's own catalogue. */
    private static List<String> tables(Connection db) throws SQLException {
        String catalogue = DB.isSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE'";
        List<String> tables = new ArrayList<>();
        try (Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery(catalogue)) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).contains("participant", "record_version", "audit_event", "disposed_case");
        return tables;
    }

    private List<String> auditActions(String participantId) {
        return DB.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT action FROM audit_event WHERE participant_id = :id ORDER BY seq")
                .bind("id", participantId)
                .mapTo(String.class)
                .list());
    }

    /**
     * The report's figures by name, breakdown and period.
     */
    static Map<String, String> figures(JsonNode report) {
        Map<String, String> values = new TreeMap<>();
        for (JsonNode row : report.get("figures")) {
            values.put(
                    String.join(
                            "|",
                            row.get("figure").asText(),
                            row.get("breakdown").asText(),
                            row.get("periodStart").asText(),
                            row.get("periodEnd").asText()),
                    row.get("value").asText());
        }
        assertThat(values).containsKeys("exits|null|2026-01-05|" + LocalDate.now(ProgrammeClock.system()));
        return values;
    }

    /** The case's entry in the DPO's queue, or null when it is not due. */
    static JsonNode queued(Api dpo, String participantId) {
        for (JsonNode item : Cases.ok(dpo.get("/retention/reviews")).get("cases")) {
            if (item.get("participantId").asText().equals(participantId)) {
                return item;
            }
        }
        return null;
    }

    static void review(Api api, String referralId, String on, String decision) {
        Cases.ok(api.post(
                "/referrals/" + referralId + "/review",
                Map.of("reviewedOn", on, "priority", "high", "decision", decision, "reason", MARK + " review")));
    }

    static void move(Api api, String enrolmentId, String to, String on) {
        Cases.ok(api.post(
                "/enrolments/" + enrolmentId + "/transitions",
                Map.of("to", to, "on", on, "reason", MARK + " move " + to)));
    }
}
