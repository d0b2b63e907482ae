package org.desist.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The data protection officer's review of closed cases: the queue of those due, retain-or-dispose decisions and
 * legal holds. Every change takes the participant's row lock first (ParticipantService.holdStored), so two instances
 * disposing of one case, or a hold placed while a disposal runs, are settled by the database: the second waits,
 * then finds the case disposed of (or held) and is refused with 409.
 */
public class RetentionService {
    static final String DECISION = "retention_decision";
    static final String HOLD = "legal_hold";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final RetentionSettings policy;

    public RetentionService(Jdbi jdbi, Clock clock, AuditLog audit, RetentionSettings policy) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.policy = policy;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Closed cases due for review today or earlier, the longest overdue first. Audited as one read. */
    public ReviewQueue queue(Caller caller) {
        LocalDate today = today();
        List<ReviewItem> due = jdbi.withHandle(handle -> {
            Map<String, RetentionDecision> latest = RetentionRows.latestDecisions(handle).stream()
                    .collect(Collectors.toMap(RetentionDecision::participantId, Function.identity()));
            return CaseClosure.all(handle).stream()
                    .filter(CaseClosure.Case::closed)
                    .map(c -> item(c, latest.get(c.participantId())))
                    .filter(item -> !item.reviewDueOn().isAfter(today))
                    .sorted(Comparator.comparing(ReviewItem::reviewDueOn).thenComparing(ReviewItem::caseReference))
                    .toList();
        });
        audit.read(caller, DECISION, null, null);
        return new ReviewQueue(today, due);
    }

    /**
     * The holds on of the queue's held cases, by participant, the oldest first: what the DPO's page needs to lift
     * one. Part of the queue's reading (audited there), so not audited again.
     */
    public Map<String, List<LegalHold>> holdsOn(ReviewQueue queue) {
        return jdbi.withHandle(handle -> queue.cases().stream()
                .filter(ReviewItem::legalHold)
                .collect(Collectors.toMap(
                        ReviewItem::participantId,
                        item -> RetentionRows.holdsOn(handle, item.participantId()),
                        (first, second) -> first)));
    }

    private ReviewItem item(CaseClosure.Case c, RetentionDecision last) {
        boolean retained = last != null && "retain".equals(last.decision());
        return new ReviewItem(
                c.participantId(),
                c.caseRef(),
                c.siteCode(),
                c.recordClass(),
                c.recordClass().clockFrom(),
                policy.periodOf(c.recordClass()).toString(),
                c.closedOn(),
                retained ? last.until() : c.closedOn().plus(policy.periodOf(c.recordClass())),
                retained ? "retained_until" : "policy",
                last,
                c.legalHold());
    }

    /** Records a decision on a case due for review; a dispose erases the case in the same transaction. */
    public RetentionDecision decide(Caller caller, String participantId, NewRetentionDecision request) {
        validate(request);
        return jdbi.inTransaction(handle -> {
            CaseClosure.Case c = lockedCase(handle, caller, participantId);
            RetentionDecision last =
                    RetentionRows.latestDecision(handle, participantId).orElse(null);
            if (!c.closed()) {
                throw new Refusal.Conflict("The case " + c.caseRef() + " is open (an active enrolment or a referral"
                        + " awaiting its decision): it comes up for review only once closed");
            }
            ReviewItem item = item(c, last);
            if (item.reviewDueOn().isAfter(today())) {
                throw new Refusal.Conflict("The case " + c.caseRef() + " is not due for review until "
                        + item.reviewDueOn() + " (" + item.dueBecause() + ")");
            }
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            if (request.decision() == NewRetentionDecision.Kind.retain) {
                RetentionRows.insertDecision(
                        handle,
                        id,
                        participantId,
                        "retain",
                        request.until(),
                        request.reason().strip(),
                        now,
                        caller);
                audit.change(handle, caller, AuditAction.retain, DECISION, id, participantId, Outcome.CREATED);
            } else {
                List<LegalHold> holds = RetentionRows.holdsOn(handle, participantId);
                if (!holds.isEmpty()) {
                    LegalHold hold = holds.get(0);
                    throw new Refusal.Conflict("The case " + c.caseRef() + " is under legal hold " + hold.id()
                            + " (placed " + hold.placedAt() + " by " + hold.placedBy() + "): lift it before disposal");
                }
                RetentionRows.insertDecision(handle, id, participantId, "dispose", null, null, now, caller);
                Disposal.erase(handle, participantId);
                RetentionRows.insertDisposed(handle, c, item, today(), now, caller, id);
                audit.change(handle, caller, AuditAction.dispose, DECISION, id, participantId, Outcome.CHANGED);
            }
            return RetentionRows.decision(handle, id).orElseThrow();
        });
    }

    private void validate(NewRetentionDecision request) {
        if (request.decision() == NewRetentionDecision.Kind.retain) {
            if (request.until() == null) {
                throw new Refusal.Invalid("until", "is required to retain: the day the case comes up again");
            }
            if (!request.until().isAfter(today())) {
                throw new Refusal.Invalid("until", "must be after today (" + today() + ")");
            }
            if (request.reason() == null || request.reason().isBlank()) {
                throw new Refusal.Invalid("reason", "is required to retain: why the case is kept");
            }
        } else {
            if (request.until() != null) {
                throw new Refusal.Invalid("until", "is for retain only: a disposal has no date to come back");
            }
            if (request.reason() != null) {
                throw new Refusal.Invalid("reason", "is for retain only: disposal erases the case's text");
            }
        }
    }

    public LegalHold placeHold(Caller caller, String participantId, NewLegalHold request) {
        return jdbi.inTransaction(handle -> {
            lockedCase(handle, caller, participantId);
            String id = UUID.randomUUID().toString();
            RetentionRows.insertHold(handle, id, participantId, request.reason().strip(), clock.instant(), caller);
            audit.change(handle, caller, AuditAction.legal_hold, HOLD, id, participantId, Outcome.CREATED);
            return RetentionRows.hold(handle, id).orElseThrow();
        });
    }

    public LegalHold liftHold(Caller caller, String participantId, String holdId) {
        return jdbi.inTransaction(handle -> {
            lockedCase(handle, caller, participantId);
            LegalHold hold = RetentionRows.hold(handle, holdId)
                    .filter(found -> found.participantId().equals(participantId))
                    .orElseThrow(() -> new Refusal.NotFound(HOLD, holdId));
            if (!hold.on()) {
                throw new Refusal.Conflict("The legal hold " + holdId + " was lifted on " + hold.liftedAt());
            }
            RetentionRows.liftHold(handle, holdId, clock.instant(), caller);
            audit.change(handle, caller, AuditAction.legal_hold_lift, HOLD, holdId, participantId, Outcome.CHANGED);
            return RetentionRows.hold(handle, holdId).orElseThrow();
        });
    }

    /** The case, its row locked: 404 unknown, 410 merged, 409 disposed of already. */
    private static CaseClosure.Case lockedCase(Handle handle, Caller caller, String participantId) {
        Optional<String> known = handle.createQuery("SELECT id FROM participant WHERE id = :id")
                .bind("id", participantId)
                .mapTo(String.class)
                .findOne();
        if (known.isEmpty()) {
            throw new Refusal.NotFound("participant", participantId);
        }
        ParticipantService.holdStored(handle, caller, participantId);
        return CaseClosure.of(handle, participantId)
                .orElseThrow(() -> new Refusal.Conflict(
                        "The case was disposed of on " + RetentionRows.disposedOn(handle, participantId)
                                + ": nothing is left" + " to decide or hold"));
    }
}
