package org.desist.participant.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.desist.access.Visibility;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantDao;
import org.desist.participant.ParticipantService;
import org.desist.participant.Survivor;
import org.desist.refusal.Refusal;
import org.desist.session.AttendanceTotals;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Merges a participant entered twice into the one that survives, in one transaction: every referral,
 * enrolment and case record moves to the survivor; the merged participant's row and identity versions stay,
 * marked with who merged it into whom, when and why, so that its id answers 410 naming the survivor and the
 * identity it was entered under is never lost. Refused (409) while both people hold an open enrolment.
 *
 * <p>Record versions ({@code record_version}) are keyed by record and move with it; their snapshots keep the
 * participant id they were saved under, as every earlier version keeps what was held at the time. The audit
 * log is append-only: rows about the merged id stay under it.
 */
public class ParticipantMerge {
    /** Every table whose rows belong to a participant's case: all move to the survivor. */
    public static final List<String> MOVED = List.of(
            "referral",
            "enrolment",
            "assessment",
            "session",
            "service_referral",
            "plan_action",
            "legal_measure",
            "victim_safety_concern",
            "desistance_review",
            "incident",
            "case_team",
            "alert",
            // issue 19: a legal hold and the retention decisions follow the person to the surviving case
            "retention_decision",
            "legal_hold");
    /**
     * Tables with a participant_id that stay with the merged id: its identity versions, the audit log, the ledger
     * of disclosures (which record a document was about when it was sent; the survivor's ledger lists them too), a
     * disposal's record (a disposed participant is no longer found, so it is never merged), the break-glass grants
     * to it (each account's record of what it opened, and why) and its lifted restrictions (a restriction in force
     * refuses the merge, as it refuses every write).
     */
    public static final List<String> KEPT = List.of(
            "participant_version",
            "audit_event",
            "disclosure",
            "disposed_case",
            "break_glass_grant",
            "case_restriction");
    /** Audited as an update of both participants under this resource type (see docs/access.md). */
    static final String AUDIT_TYPE = "participant_merge";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Visibility visibility;
    private final ParticipantService participants;

    public ParticipantMerge(
            Jdbi jdbi, Clock clock, AuditLog audit, Visibility visibility, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.visibility = visibility;
        this.participants = participants;
    }

    /** Merges {@code id} into {@code request.into()}; answers the survivor as it now stands. */
    public Participant merge(Caller caller, String id, MergeRequest request) {
        Participant merged = participants.visible(caller, id);
        String into = request.into();
        if (into == null || into.isBlank()) {
            throw new Refusal.Invalid("into", "is required: the id of the participant that survives");
        }
        if (into.length() > MergeRequest.MAX_ID) {
            throw new Refusal.Invalid("into", "must be at most " + MergeRequest.MAX_ID + " characters");
        }
        if (into.equals(id)) {
            throw new Refusal.Invalid("into", "must be another participant than the one merged");
        }
        requireReason(request.reason());
        Optional<Survivor> alreadyMerged = jdbi.withExtension(ParticipantDao.class, dao -> dao.survivorOf(into));
        if (alreadyMerged.isPresent() && caller.covers(alreadyMerged.get().siteCode())) {
            throw new Refusal.Conflict(
                    "into was itself merged into " + alreadyMerged.get().caseRef() + " ("
                            + alreadyMerged.get().id() + "): merge into that participant");
        }
        Participant survivor = visibility.requireReference(
                caller,
                alreadyMerged.isPresent() ? Optional.empty() : participants.find(into),
                Participant::siteCode,
                Participant::id,
                "participant",
                into,
                "into",
                "is not a known participant");
        return jdbi.inTransaction(handle -> {
            ParticipantDao dao = handle.attach(ParticipantDao.class);
            // both rows locked, in one order for every merge: writers of either case wait for the merge to end
            Stream.of(id, into).sorted().forEach(dao::lock);
            // a merge that committed while this one waited: its participant has gone
            ParticipantService.holdLive(handle, caller, id);
            ParticipantService.holdLiveReference(handle, caller, into, "into");
            refuseTwoOpenEnrolments(handle, merged, survivor);
            Instant now = clock.instant();
            // the sessions leave the totals of the merged site and cohorts, then count for the survivor's
            AttendanceTotals.countOut(handle, id);
            AttendanceTotals.countOut(handle, into);
            yieldToSurvivor(handle, id, into, now, caller.username());
            for (String table : MOVED) {
                handle.createUpdate("UPDATE " + table + " SET participant_id = :into WHERE participant_id = :id")
                        .bind("into", into)
                        .bind("id", id)
                        .execute();
            }
            // those merged into this one earlier now point at the survivor, so no merged id leads to another
            handle.createUpdate("UPDATE participant SET merged_into = :into WHERE merged_into = :id")
                    .bind("into", into)
                    .bind("id", id)
                    .execute();
            handle.createUpdate("UPDATE participant SET merged_into = :into, merged_at = :at, merged_by = :by,"
                            + " merge_reason = :reason, version = version + 1, updated_at = :at WHERE id = :id")
                    .bind("into", into)
                    .bind("at", now)
                    .bind("by", caller.username())
                    .bind("reason", request.reason().strip())
                    .bind("id", id)
                    .execute();
            AttendanceTotals.countIn(handle, into);
            handle.createUpdate("UPDATE alert SET site_code = (SELECT site_code FROM participant WHERE id = :into)"
                            + " WHERE participant_id = :into")
                    .bind("into", into)
                    .execute();
            audit.change(handle, caller, AuditAction.update, AUDIT_TYPE, id, id, Outcome.CHANGED);
            audit.change(handle, caller, AuditAction.update, AUDIT_TYPE, id, into, Outcome.CHANGED);
            return dao.find(into).orElseThrow();
        });
    }

    /**
     * A case holds one open allocation per team role and one open alert per rule: where both hold one, the
     * survivor's stays and the merged case's ends with the merge (kept in the history, as every ended one is).
     */
    private static void yieldToSurvivor(Handle handle, String id, String into, Instant now, String by) {
        handle.createUpdate("UPDATE case_team SET ended_at = :now, ended_by = :by, to_date = :today,"
                        + " version = version + 1 WHERE participant_id = :id AND ended_at IS NULL AND team_role IN"
                        + " (SELECT team_role FROM case_team WHERE participant_id = :into AND ended_at IS NULL)")
                .bind("now", now)
                .bind("by", by)
                .bind("today", now.atZone(org.desist.time.ProgrammeClock.ZONE).toLocalDate())
                .bind("id", id)
                .bind("into", into)
                .execute();
        handle.createUpdate("UPDATE alert SET cleared_at = :now, cleared_because = 'merged' WHERE participant_id = :id"
                        + " AND cleared_at IS NULL AND rule IN"
                        + " (SELECT rule FROM alert WHERE participant_id = :into AND cleared_at IS NULL)")
                .bind("now", now)
                .bind("id", id)
                .bind("into", into)
                .execute();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal.Invalid("reason", "must not be blank: say why the two are one person");
        }
        if (reason.length() > MergeRequest.MAX_REASON) {
            throw new Refusal.Invalid("reason", "must be at most " + MergeRequest.MAX_REASON + " characters");
        }
    }

    /** One person holds at most one open enrolment: the duplicate's must be closed first (a withdrawal, say). */
    private static void refuseTwoOpenEnrolments(Handle handle, Participant merged, Participant survivor) {
        List<String> open = handle.createQuery("SELECT e.id || ' (' || p.case_ref || ', ' || e.state || ')'"
                        + " FROM enrolment e JOIN participant p ON p.id = e.participant_id"
                        + " WHERE e.participant_id IN (:a, :b) AND e.is_open = 1 ORDER BY p.case_ref")
                .bind("a", merged.id())
                .bind("b", survivor.id())
                .mapTo(String.class)
                .list();
        if (open.size() > 1) {
            throw new Refusal.Conflict("Both participants have an open enrolment: " + String.join(", ", open)
                    + ". Close one (a person holds one open enrolment) and merge again");
        }
    }
}
