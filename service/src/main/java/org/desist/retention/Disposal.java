package org.desist.retention;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Erases a case, inside the caller's transaction (the decision's): all of it or none.
 *
 * <p>The figures already published must keep their counts (readmodel.CohortFiguresDao): they count referrals
 * (received and review dates, source, priority, status, site), enrolments and their events (states, dates, reason
 * codes), sessions (kind, time, outcome, engagement: attendance_totals are recounted from them by verify-totals),
 * onward referrals and their moves (service, dates, states), assessments and desistance reviews (dates and risk
 * levels), incidents (kind, date) and the participant (site, merged or not). Rather than teach every figure query
 * a second, content-free source, those rows stay as skeletons: every identity and free-text column set to NULL,
 * only ids, dates, states, codes and levels left — facts that say nothing of the person without the identity, which
 * is gone. Everything the figures do not count is deleted: identity versions, every record version (the snapshots
 * hold the content), plan actions, legal measures, victim safety concerns, screening answers, the case team,
 * alerts with their recipients and emails. Rows of merged participants (tombstones) whose survivor this is are
 * erased alike. Audit rows are kept unchanged: they hold ids, never content (RetentionAuditContentTest).
 */
final class Disposal {
    /** The identity of a participant, and what the match keys and a merge or new-person confirmation said. */
    private static final String ERASE_IDENTITY = """
            UPDATE participant SET given_name = NULL, family_name = NULL, date_of_birth = NULL, pnc_id = NULL,
                   nhs_number = NULL, given_key = NULL, family_key = NULL, nhs_key = NULL, pnc_key = NULL,
                   merge_reason = NULL, new_person_reason = NULL
            WHERE id IN (<ids>)""";

    /** Skeleton rows the figures count: the statement that empties each one's free text. */
    private static final List<String> ERASE_CONTENT = List.of(
            "UPDATE referral SET referrer = NULL, behaviour = NULL, victim_ref = NULL, legal_status = NULL,"
                    + " review_reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE enrolment_event SET reason = NULL"
                    + " WHERE enrolment_id IN (SELECT id FROM enrolment WHERE participant_id IN (<ids>))",
            "UPDATE session SET facilitator = NULL, notes = NULL, concern = NULL, shareable = NULL,"
                    + " error_reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE service_referral_move SET reason = NULL WHERE service_referral_id IN"
                    + " (SELECT id FROM service_referral WHERE participant_id IN (<ids>))",
            "UPDATE service_referral SET provider = NULL, reason = NULL, error_reason = NULL"
                    + " WHERE participant_id IN (<ids>)",
            "UPDATE assessment SET assessor = NULL, diagnoses = NULL, substance_misuse = NULL, formulation = NULL,"
                    + " error_reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE desistance_review SET narrative = NULL, error_reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE incident SET details = NULL, error_reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE retention_decision SET reason = NULL WHERE participant_id IN (<ids>)",
            "UPDATE legal_hold SET reason = NULL WHERE participant_id IN (<ids>)");

    /** Rows no figure counts, children first (foreign keys). */
    private static final List<String> DELETE = List.of(
            "DELETE FROM participant_version WHERE participant_id IN (<ids>)",
            "DELETE FROM referral_screening WHERE referral_id IN (SELECT id FROM referral WHERE participant_id IN"
                    + " (<ids>))",
            "DELETE FROM email_outbox WHERE alert_id IN (SELECT id FROM alert WHERE participant_id IN (<ids>))",
            "DELETE FROM alert_recipient WHERE alert_id IN (SELECT id FROM alert WHERE participant_id IN (<ids>))",
            "DELETE FROM alert WHERE participant_id IN (<ids>)",
            "DELETE FROM case_team WHERE participant_id IN (<ids>)",
            "DELETE FROM plan_action WHERE participant_id IN (<ids>)",
            "DELETE FROM legal_measure WHERE participant_id IN (<ids>)",
            "DELETE FROM victim_safety_concern WHERE participant_id IN (<ids>)",
            // the reasons and purposes staff gave may quote the case; who opened or restricted it stays in the audit
            "DELETE FROM break_glass_grant WHERE participant_id IN (<ids>)",
            "DELETE FROM case_restriction WHERE participant_id IN (<ids>)");

    /** The tables whose rows' ids name record versions (record_version.record_id) of the case. */
    private static final List<String> VERSIONED = List.of(
            "referral",
            "enrolment",
            "incident",
            "assessment",
            "session",
            "service_referral",
            "plan_action",
            "legal_measure",
            "victim_safety_concern",
            "desistance_review",
            "case_team");

    private static final int CHUNK = 500;

    private Disposal() {}

    /** Erases the case of {@code participantId} and of the participants merged into it. */
    static void erase(Handle handle, String participantId) {
        List<String> ids = new ArrayList<>(List.of(participantId));
        ids.addAll(handle.createQuery("SELECT id FROM participant WHERE merged_into = :id")
                .bind("id", participantId)
                .mapTo(String.class)
                .list());
        List<String> recordIds = new ArrayList<>(ids);
        for (String table : VERSIONED) {
            recordIds.addAll(handle.createQuery("SELECT id FROM " + table + " WHERE participant_id IN (<ids>)")
                    .bindList("ids", ids)
                    .mapTo(String.class)
                    .list());
        }
        for (int from = 0; from < recordIds.size(); from += CHUNK) {
            handle.createUpdate("DELETE FROM record_version WHERE record_id IN (<ids>)")
                    .bindList("ids", recordIds.subList(from, Math.min(recordIds.size(), from + CHUNK)))
                    .execute();
        }
        for (String statement : DELETE) {
            handle.createUpdate(statement).bindList("ids", ids).execute();
        }
        for (String statement : ERASE_CONTENT) {
            handle.createUpdate(statement).bindList("ids", ids).execute();
        }
        handle.createUpdate(ERASE_IDENTITY).bindList("ids", ids).execute();
    }
}
