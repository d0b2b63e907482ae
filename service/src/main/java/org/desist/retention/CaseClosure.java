package org.desist.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Whether a case has closed, and on which day: a case with an open enrolment (referred, assessing, enrolled) or a
 * referral awaiting its decision is open and never comes up for review. A closed case's clock runs from the latest
 * of its enrolments' exits and its referrals' decisions (a case referred again after an exit closes again later).
 * Merged participants are not cases (their survivor is), nor are disposed ones.
 */
final class CaseClosure {
    private static final String CASES = """
            SELECT p.id, p.case_ref, p.site_code,
                   (SELECT count(*) FROM enrolment e WHERE e.participant_id = p.id) AS enrolments,
                   (SELECT count(*) FROM enrolment e WHERE e.participant_id = p.id AND e.is_open = 1) AS open_enrolments,
                   (SELECT max(e.state_on) FROM enrolment e WHERE e.participant_id = p.id) AS last_exit,
                   (SELECT count(*) FROM referral r WHERE r.participant_id = p.id AND r.status <> 'reviewed')
                       AS open_referrals,
                   (SELECT max(r.reviewed_on) FROM referral r WHERE r.participant_id = p.id) AS last_decision,
                   (SELECT min(r.received_on) FROM referral r WHERE r.participant_id = p.id) AS referred_on,
                   (SELECT count(*) FROM legal_hold h WHERE h.participant_id = p.id AND h.lifted_at IS NULL) AS holds
            FROM participant p
            WHERE p.merged_into IS NULL
              AND NOT EXISTS (SELECT 1 FROM disposed_case d WHERE d.participant_id = p.id)
            """;

    /** A case and, once closed, its class and the day it closed (both null while open). */
    record Case(
            String participantId,
            String caseRef,
            String siteCode,
            LocalDate referredOn,
            RecordClass recordClass,
            LocalDate closedOn,
            boolean legalHold) {
        boolean closed() {
            return closedOn != null;
        }
    }

    private CaseClosure() {}

    /** Every live, undisposed case. */
    static List<Case> all(Handle handle) {
        return handle.createQuery(CASES).map((rs, ctx) -> of(rs)).list();
    }

    /** One live, undisposed case. */
    static Optional<Case> of(Handle handle, String participantId) {
        return handle.createQuery(CASES + " AND p.id = :id")
                .bind("id", participantId)
                .map((rs, ctx) -> of(rs))
                .findOne();
    }

    private static Case of(java.sql.ResultSet rs) throws java.sql.SQLException {
        boolean open = rs.getInt("open_enrolments") > 0 || rs.getInt("open_referrals") > 0;
        boolean enrolled = rs.getInt("enrolments") > 0;
        LocalDate lastExit = date(rs.getString("last_exit"));
        LocalDate lastDecision = date(rs.getString("last_decision"));
        LocalDate closedOn = open ? null : latest(new ArrayList<>(java.util.Arrays.asList(lastExit, lastDecision)));
        return new Case(
                rs.getString("id"),
                rs.getString("case_ref"),
                rs.getString("site_code"),
                date(rs.getString("referred_on")),
                closedOn == null ? null : enrolled ? RecordClass.enrolled : RecordClass.not_enrolled,
                closedOn,
                rs.getInt("holds") > 0);
    }

    private static LocalDate latest(List<LocalDate> dates) {
        return dates.stream().filter(d -> d != null).max(LocalDate::compareTo).orElse(null);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
