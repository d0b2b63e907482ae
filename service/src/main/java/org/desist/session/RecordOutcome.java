package org.desist.session;

import java.time.Instant;
import java.util.List;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordKeeper;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;

/**
 * Records a session's outcome: once (a second is 409; amend the first instead), and not before the
 * session's scheduled time. The outcome is dated now, by whoever records it.
 */
public class RecordOutcome implements RecordKeeper.Step<Session> {
    private final NewOutcome outcome;
    private final String by;

    public RecordOutcome(NewOutcome outcome, String by) {
        this.outcome = outcome;
        this.by = by;
    }

    @Override
    public void apply(Handle handle, Session current, CaseContext context, Instant now) {
        if (current.outcome() != null) {
            throw alreadyRecorded(current);
        }
        if (now.isBefore(current.scheduledAt())) {
            throw new Refusal.Invalid(
                    "the session has not happened yet",
                    List.of(new FieldReason(
                            "outcome",
                            "cannot be recorded before the session's scheduled time (" + current.scheduledAt() + ")")));
        }
        Sessions.checkEngagement(outcome.outcome(), outcome.engagement());
        int changed = handle.attach(SessionDao.class)
                .recordOutcome(current.id(), current.version(), outcome, outcome.isShareable(), now, by);
        if (changed != 1) {
            // changed since it was read, by a concurrent outcome or amendment
            throw new Refusal.Conflict("The session changed while its outcome was being recorded; read it again");
        }
        AttendanceTotals.add(
                handle, handle.attach(SessionDao.class).byId(current.id()).orElseThrow());
    }

    private static Refusal alreadyRecorded(Session current) {
        return new Refusal.Conflict("The outcome of this session was recorded at " + current.outcomeRecordedAt()
                + "; amend it with PATCH (If-Match and a reason) instead");
    }
}
