package org.desist.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.db.Databases;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated database of a test's own (SQLite file, or PostgreSQL when the run says so) and a case written
 * straight into its tables, for the read model's DAO tier: each clinical row with every column its table
 * requires, a test naming only what its query reads. Writing the rows directly keeps a read's test to that
 * read; the API that writes them has tests of its own.
 */
final class CaseRows implements AutoCloseable {
    static final String SITE = "LDN";
    static final String PARTICIPANT = "p-1";
    static final String COHORT = "c-1";
    /** The clinical tables, each of which holds records entered in error beside the live ones. */
    static final List<String> CLINICAL = List.of(
            "assessment",
            "desistance_review",
            "incident",
            "legal_measure",
            "plan_action",
            "service_referral",
            "session",
            "victim_safety_concern");

    private static final Map<String, Map<String, Object>> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put(
                "assessment",
                columns(
                        "kind",
                        "risk",
                        "assessed_on",
                        "2026-01-10",
                        "assessor",
                        "Dr A",
                        "instrument",
                        "SRP",
                        "risk_violence",
                        "moderate",
                        "risk_persistence",
                        "high",
                        "risk_recurrence",
                        "high",
                        "risk_psychosocial_damage",
                        "moderate",
                        "overall_risk",
                        "high",
                        "diagnoses",
                        "[]",
                        "substance_misuse",
                        "[]"));
        REQUIRED.put(
                "desistance_review",
                columns(
                        "reviewed_on",
                        "2026-04-10",
                        "risk_violence",
                        "low",
                        "risk_persistence",
                        "moderate",
                        "risk_recurrence",
                        "moderate",
                        "risk_psychosocial_damage",
                        "low",
                        "fixation",
                        4,
                        "victim_contact_since_last_review",
                        0,
                        "engagement",
                        4));
        REQUIRED.put(
                "incident",
                columns(
                        "kind",
                        "contact_with_victim",
                        "occurred_on",
                        "2026-03-01",
                        "source",
                        "police",
                        "details",
                        "seen outside the victim's workplace"));
        REQUIRED.put("legal_measure", columns("kind", "restraining_order", "from_date", "2025-12-01"));
        REQUIRED.put(
                "plan_action",
                columns(
                        "action",
                        "check the order is kept",
                        "agency",
                        "police",
                        "owner",
                        "PC B",
                        "due_on",
                        "2026-02-01",
                        "review_on",
                        "2026-02-15",
                        "state",
                        "open"));
        REQUIRED.put(
                "service_referral",
                columns(
                        "service",
                        "mental_health",
                        "kind",
                        "talking_therapies",
                        "provider",
                        "NHS Talking Therapies",
                        "made_on",
                        "2026-02-01",
                        "reason",
                        "low mood",
                        "state",
                        "made",
                        "state_on",
                        "2026-02-01"));
        REQUIRED.put(
                "session",
                columns(
                        "kind",
                        "individual_therapy",
                        "scheduled_at",
                        "2026-02-03T10:00:00Z",
                        "duration_minutes",
                        50,
                        "facilitator",
                        "Dr F"));
        REQUIRED.put(
                "victim_safety_concern",
                columns("victim_ref", "VA-1", "raised_on", "2026-02-05", "concern", "messages to the victim's sister"));
    }

    private final Databases.Opened opened;

    private CaseRows(Databases.Opened opened) {
        this.opened = opened;
    }

    /** A new database with the migrations applied, holding one site, cohort and participant. */
    static CaseRows fresh() throws Exception {
        CaseRows rows = new CaseRows(Databases.open(TestDatabase.fresh().factory(), true, "readmodel-test"));
        rows.insert(
                "site",
                columns(
                        "code",
                        SITE,
                        "name",
                        "London",
                        "model",
                        "clinic_treatment",
                        "created_at",
                        "2025-01-01T00:00:00Z"));
        rows.insert(
                "cohort",
                columns(
                        "id",
                        COHORT,
                        "site_code",
                        SITE,
                        "name",
                        "London 2026",
                        "starts_on",
                        "2026-01-01",
                        "ends_on",
                        "2026-12-31",
                        "target",
                        20,
                        "created_at",
                        "2025-01-01T00:00:00Z"));
        rows.insert(
                "participant",
                columns(
                        "id",
                        PARTICIPANT,
                        "case_ref",
                        "LDN-2026-0001",
                        "site_code",
                        SITE,
                        "given_name",
                        "Sam",
                        "family_name",
                        "Example",
                        "date_of_birth",
                        "1980-05-01",
                        "version",
                        1,
                        "created_at",
                        "2026-01-02T09:00:00Z",
                        "updated_at",
                        "2026-01-02T09:00:00Z"));
        return rows;
    }

    /**
     * The case the read model's tests share: one referral, one enrolment, and of each clinical kind a live record
     * beside one entered in error that each live read would pick if it counted it (earlier, later, or of another
     * kind). Ids end in -void for the records entered in error: no live read may return one.
     */
    static CaseRows twinned() throws Exception {
        CaseRows rows = fresh();
        rows.insert(
                "referral",
                columns(
                        "id",
                        "ref-1",
                        "participant_id",
                        PARTICIPANT,
                        "site_code",
                        SITE,
                        "received_on",
                        "2026-01-03",
                        "source",
                        "police",
                        "referrer",
                        "PC R",
                        "behaviour",
                        "following",
                        "victim_ref",
                        "VA-1",
                        "legal_status",
                        "Released under investigation",
                        "status",
                        "reviewed",
                        "priority_rank",
                        3,
                        "priority",
                        "high",
                        "decision",
                        "accept_for_intervention",
                        "reviewed_on",
                        "2026-01-04",
                        "review_reason",
                        "daily review",
                        "reviewed_by",
                        "lead",
                        "created_at",
                        "2026-01-03T09:00:00Z",
                        "created_by",
                        "referrer"));
        rows.insert(
                "enrolment",
                columns(
                        "id",
                        "enr-1",
                        "participant_id",
                        PARTICIPANT,
                        "cohort_id",
                        COHORT,
                        "state",
                        "enrolled",
                        "state_on",
                        "2026-01-20",
                        "is_open",
                        1,
                        "enrolled_on",
                        "2026-01-20",
                        "created_at",
                        "2026-01-05T09:00:00Z"));
        rows.insert(
                "enrolment_event",
                columns(
                        "id",
                        "ev-1",
                        "enrolment_id",
                        "enr-1",
                        "seq",
                        1,
                        "state",
                        "referred",
                        "on_date",
                        "2026-01-05",
                        "reason",
                        "accepted at review",
                        "reason_code",
                        null,
                        "actor",
                        "lead",
                        "recorded_at",
                        "2026-01-05T09:00:00Z"));
        rows.insert(
                "enrolment_event",
                columns(
                        "id",
                        "ev-2",
                        "enrolment_id",
                        "enr-1",
                        "seq",
                        2,
                        "state",
                        "enrolled",
                        "on_date",
                        "2026-01-20",
                        "reason",
                        "consented",
                        "reason_code",
                        null,
                        "actor",
                        "lead",
                        "recorded_at",
                        "2026-01-20T09:00:00Z"));

        rows.live("assessment", "a-live");
        rows.enteredInError("assessment", "a-early-void", "assessed_on", "2026-01-05", "risk_violence", "high");
        rows.enteredInError("assessment", "a-late-void", "assessed_on", "2026-03-20", "overall_risk", "low");

        rows.live(
                "session",
                "s-live",
                "outcome",
                "attended",
                "engagement",
                4,
                "notes",
                "spoke about the order",
                "shareable",
                1,
                "concern",
                "talked of driving past",
                "outcome_recorded_at",
                "2026-02-03T11:00:00Z",
                "outcome_recorded_by",
                "dr.f");
        rows.enteredInError(
                "session",
                "s-void",
                "scheduled_at",
                "2026-02-10T10:00:00Z",
                "outcome",
                "attended",
                "engagement",
                2,
                "notes",
                "wrong participant's notes",
                "shareable",
                1,
                "concern",
                "not this case",
                "outcome_recorded_at",
                "2026-02-10T11:00:00Z",
                "outcome_recorded_by",
                "dr.f");
        rows.live("session", "s-next", "scheduled_at", "2026-06-01T10:00:00Z");
        rows.enteredInError("session", "s-next-void", "scheduled_at", "2026-05-01T10:00:00Z");

        rows.live("desistance_review", "r-live");
        rows.enteredInError("desistance_review", "r-void", "reviewed_on", "2026-05-10", "fixation", 9);

        rows.live("incident", "i-live");
        rows.enteredInError("incident", "i-void", "occurred_on", "2026-03-15", "kind", "arrest");

        rows.live("legal_measure", "lm-live", "conditions", "no contact");
        rows.enteredInError("legal_measure", "lm-void", "kind", "stalking_protection_order");

        rows.live("plan_action", "pa-live");
        rows.enteredInError("plan_action", "pa-void", "due_on", "2026-01-15");

        rows.live("service_referral", "sr-live");
        rows.enteredInError(
                "service_referral",
                "sr-void",
                "service",
                "substance_misuse",
                "kind",
                "drug",
                "state",
                "accepted",
                "made_on",
                "2026-01-25");
        for (String referral : new String[] {"sr-live", "sr-void"}) {
            rows.insert(
                    "service_referral_move",
                    columns(
                            "service_referral_id",
                            referral,
                            "seq",
                            1,
                            "state",
                            "made",
                            "on_date",
                            "2026-02-01",
                            "reason",
                            "referred on",
                            "actor",
                            "clinician",
                            "recorded_at",
                            "2026-02-01T12:00:00Z"));
        }

        rows.live("victim_safety_concern", "v-live", "action_taken", "police told");
        rows.enteredInError("victim_safety_concern", "v-void", "raised_on", "2026-02-06");
        return rows;
    }

    Jdbi jdbi() {
        return opened.jdbi();
    }

    /** A live record of the participant: the table's required columns, then the given ones over them. */
    void live(String table, String id, Object... more) {
        clinical(table, id, "active", more);
    }

    /** A record of the participant entered in error, otherwise as {@link #live} writes it. */
    void enteredInError(String table, String id, Object... more) {
        clinical(table, id, "entered_in_error", more);
    }

    /** A live record of another participant (see {@link #participant}), otherwise as {@link #live} writes it. */
    void liveOf(String participantId, String table, String id, Object... more) {
        clinical(participantId, table, id, "active", more);
    }

    /** A record of another participant entered in error, otherwise as {@link #live} writes it. */
    void enteredInErrorOf(String participantId, String table, String id, Object... more) {
        clinical(participantId, table, id, "entered_in_error", more);
    }

    /** Another participant at the site. */
    void participant(String id, String caseRef) {
        insert(
                "participant",
                columns(
                        "id",
                        id,
                        "case_ref",
                        caseRef,
                        "site_code",
                        SITE,
                        "given_name",
                        "Alex",
                        "family_name",
                        "Other",
                        "date_of_birth",
                        "1975-03-01",
                        "version",
                        1,
                        "created_at",
                        "2026-01-02T09:00:00Z",
                        "updated_at",
                        "2026-01-02T09:00:00Z"));
    }

    private void clinical(String table, String id, String status, Object... more) {
        clinical(PARTICIPANT, table, id, status, more);
    }

    private void clinical(String participantId, String table, String id, String status, Object... more) {
        Map<String, Object> row = columns("id", id, "participant_id", participantId);
        row.putAll(REQUIRED.get(table));
        row.putAll(columns(
                "status",
                status,
                "error_reason",
                status.equals("active") ? null : "wrong participant",
                "version",
                1,
                "recorded_at",
                "2026-01-02T10:00:00Z",
                "recorded_by",
                "clinician"));
        row.putAll(columns(more));
        insert(table, row);
    }

    void insert(String table, Map<String, Object> row) {
        List<String> names = new ArrayList<>(row.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (:"
                + String.join(", :", names) + ")";
        jdbi().useHandle(handle -> handle.createUpdate(sql).bindMap(row).execute());
    }

    static Map<String, Object> columns(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Override
    public void close() throws Exception {
        opened.close();
    }
}
