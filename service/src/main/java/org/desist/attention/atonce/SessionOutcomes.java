package org.desist.attention.atonce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.caserecord.RecordWatch;
import org.desist.session.Session;
import org.desist.session.SessionOutcome;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Handle;

/**
 * The rules a session's outcome raises at once: session_concern (an outcome with a concern) and
 * consecutive_did_not_attend (a did-not-attend right after another, by session time, among live sessions), which an
 * attended or late outcome clears. An amendment that changes the outcome or the concern counts as recording it.
 */
final class SessionOutcomes implements RecordWatch<Session> {
    static final String TYPE = "session";

    @Override
    public void changed(Handle handle, Session before, Session after, Instant now) {
        if (after.outcome() == null) {
            return;
        }
        if (after.concern() != null
                && !after.concern().isBlank()
                && !Objects.equals(before.concern(), after.concern())) {
            Alerts.raise(handle, after.participantId(), Rule.session_concern, cause(after), now);
        }
        if (after.outcome() == before.outcome()) {
            return;
        }
        if (after.outcome().present()) {
            Alerts.clear(handle, after.participantId(), Rule.consecutive_did_not_attend, Cleared.ATTENDED, now);
        } else if (after.outcome() == SessionOutcome.did_not_attend
                && previousOutcome(handle, after).orElse(null) == SessionOutcome.did_not_attend) {
            Alerts.raise(handle, after.participantId(), Rule.consecutive_did_not_attend, cause(after), now);
        }
    }

    @Override
    public void enteredInError(Handle handle, Session before, Instant now) {
        Alerts.clearIfAbout(
                handle, before.participantId(), Rule.session_concern, before.id(), Cleared.ENTERED_IN_ERROR, now);
    }

    /** The outcome of the live session with an outcome scheduled last before this one, if any. */
    private static Optional<SessionOutcome> previousOutcome(Handle handle, Session session) {
        return handle.createQuery("SELECT outcome FROM session WHERE participant_id = :participantId"
                        + " AND status = 'active' AND outcome IS NOT NULL AND id <> :id AND scheduled_at < :at"
                        + " ORDER BY scheduled_at DESC LIMIT 1")
                .bind("participantId", session.participantId())
                .bind("id", session.id())
                .bind("at", session.scheduledAt())
                .mapTo(SessionOutcome.class)
                .findOne();
    }

    private static Alerts.Cause cause(Session session) {
        return new Alerts.Cause(TYPE, session.id(), LocalDate.ofInstant(session.scheduledAt(), ProgrammeClock.ZONE));
    }
}
