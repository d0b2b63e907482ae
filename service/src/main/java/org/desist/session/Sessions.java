package org.desist.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.desist.access.AccessPolicy;
import org.desist.auth.User;
import org.desist.caserecord.CaseContext;
import org.desist.caserecord.RecordTable;
import org.desist.listing.Period;
import org.desist.refusal.Refusal;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Handle;

/** Sessions as case records: scheduled, then their outcome recorded once (see {@link RecordOutcome}). */
public class Sessions implements RecordTable<Session, SessionBody> {

    @Override
    public String type() {
        return "session";
    }

    @Override
    public String table() {
        return "session";
    }

    @Override
    public Class<Session> recordType() {
        return Session.class;
    }

    @Override
    public Class<SessionBody> bodyType() {
        return SessionBody.class;
    }

    @Override
    public Set<String> changeable() {
        return Set.of(
                "kind",
                "scheduledAt",
                "durationMinutes",
                "facilitator",
                "outcome",
                "engagement",
                "notes",
                "shareable",
                "concern");
    }

    @Override
    public SessionBody body(Session record) {
        return record.body();
    }

    /**
     * A session may be planned ahead but not before the referral. Before its outcome is recorded (with
     * POST .../outcome) it carries no outcome fields; after, the outcome stays, engagement is rated only
     * for a participant who was there, and the session cannot move to after the outcome was recorded.
     */
    @Override
    public void check(SessionBody body, CaseContext context) {
        context.notBeforeReferral("scheduledAt", LocalDate.ofInstant(body.scheduledAt(), ProgrammeClock.ZONE));
        if (body.outcomeRecordedAt() == null) {
            if (body.outcome() != null) {
                throw new Refusal.Invalid(
                        "outcome", "is recorded with POST .../sessions/{rid}/outcome," + " not by amendment");
            }
            refuseWithoutOutcome("engagement", body.engagement());
            refuseWithoutOutcome("notes", body.notes());
            refuseWithoutOutcome("shareable", body.shareable());
            refuseWithoutOutcome("concern", body.concern());
            return;
        }
        if (body.outcome() == null) {
            throw new Refusal.Invalid(
                    "outcome",
                    "cannot be removed once recorded; mark the session entered" + " in error if it should not stand");
        }
        if (body.scheduledAt().isAfter(body.outcomeRecordedAt())) {
            throw new Refusal.Invalid(
                    "scheduledAt", "must not be after its outcome was recorded (" + body.outcomeRecordedAt() + ")");
        }
        checkEngagement(body.outcome(), body.engagement());
        if (body.shareable() == null) {
            throw new Refusal.Invalid("shareable", "must be true or false once an outcome is recorded");
        }
    }

    /** Engagement is rated only for a participant who was there (attended or late); it stays optional then. */
    static void checkEngagement(SessionOutcome outcome, Integer engagement) {
        if (engagement != null && !outcome.present()) {
            throw new Refusal.Invalid(
                    "engagement", "is rated only when the outcome is attended or late," + " not " + outcome);
        }
    }

    private static void refuseWithoutOutcome(String field, Object value) {
        if (value != null) {
            throw new Refusal.Invalid(
                    field, "is part of the outcome: record it with POST" + " .../sessions/{rid}/outcome");
        }
    }

    @Override
    public void insert(Handle handle, String id, String participantId, SessionBody body, Instant at, String by) {
        handle.attach(SessionDao.class).insert(id, participantId, body, at, by);
    }

    /** An amendment can move a session to another day or change its outcome: the running totals follow. */
    @Override
    public int update(Handle handle, String id, int version, SessionBody body, Instant at, String by) {
        SessionDao sessions = handle.attach(SessionDao.class);
        Optional<Session> before = sessions.byId(id);
        int changed = sessions.update(id, version, body, at, by);
        if (changed == 1) {
            AttendanceTotals.remove(handle, before.orElseThrow());
            AttendanceTotals.add(handle, sessions.byId(id).orElseThrow());
        }
        return changed;
    }

    @Override
    public void markedEnteredInError(Handle handle, Session before) {
        AttendanceTotals.remove(handle, before);
    }

    @Override
    public Optional<Session> find(Handle handle, String participantId, String id) {
        return handle.attach(SessionDao.class).find(participantId, id);
    }

    /** Dates are of the scheduled time in the programme's zone (London), both inclusive. */
    @Override
    public List<Session> list(
            Handle handle, String participantId, LocalDate from, LocalDate to, int limit, int offset) {
        Period dates = new Period(from, to);
        Instant start = dates.startIn(ProgrammeClock.ZONE);
        Instant before = dates.endIn(ProgrammeClock.ZONE);
        return handle.attach(SessionDao.class).list(participantId, start, before, limit, offset);
    }

    /** Session notes are clinical text; whether the session was shareable or raised a concern is for every reader. */
    @Override
    public Session redact(Session record, User reader) {
        return AccessPolicy.seesClinicalText(reader) ? record : record.withoutNotes();
    }
}
