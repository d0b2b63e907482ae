package org.desist.attention;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.desist.access.AccessPolicy;
import org.desist.access.SiteScope;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;

/**
 * Each person's alerts, as a recipient: listed by state, within the sites they may see, and acknowledged with a
 * note. For the rules whose alert is a thing to be seen (an incident, a concern, a raised risk), the last
 * recipient's acknowledgement clears it; the others clear only when their condition ends.
 */
public class AlertInbox {
    /** The rules cleared once everyone told has acknowledged (docs/attention.md). */
    static final Set<Rule> CLEARED_BY_ACKNOWLEDGEMENT = EnumSet.of(
            Rule.incident_recorded,
            Rule.session_concern,
            Rule.risk_raised,
            Rule.victim_safety_concern,
            Rule.break_glass_opened);

    static final String ACKNOWLEDGED = "acknowledged";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;

    public AlertInbox(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
    }

    /** The caller's alerts in that state, newest first; of one case when {@code participantId} is given. */
    public List<Alert> list(Caller caller, AlertState state, String participantId, Period raised, PageRequest paging) {
        return read(caller, state.name(), participantId, raised, paging);
    }

    /** One audited read: {@code state} an {@link AlertState}, or {@link AlertDao#NOT_CLEARED}. */
    private List<Alert> read(Caller caller, String state, String participantId, Period raised, PageRequest paging) {
        if (participantId != null) {
            participants.visible(caller, participantId);
        }
        SiteScope scope = SiteScope.of(caller);
        List<AlertDao.Row> rows = jdbi.withExtension(
                AlertDao.class,
                alerts -> alerts.list(
                        caller.username(),
                        state,
                        participantId,
                        raised.startIn(ProgrammeClock.ZONE),
                        raised.endIn(ProgrammeClock.ZONE),
                        scope.allSites(),
                        scope.sites(),
                        paging.fetch(),
                        paging.offset()));
        audit.read(caller, "alert", null, participantId);
        return rows.stream().map(row -> shown(caller, row)).toList();
    }

    /**
     * For a case's page: the caller's alerts on the case that are not cleared (open first), or empty when the caller's
     * role is never told of alerts (the page then shows no Alerts section at all).
     */
    public java.util.Optional<List<Alert>> onCase(Caller caller, String participantId) {
        if (!AccessPolicy.allows(caller.user(), org.desist.access.Action.ALERT_READ)) {
            return java.util.Optional.empty();
        }
        // one read, as GET /api/alerts?participantId= is one: open and acknowledged alike, newest first
        return java.util.Optional.of(read(caller, AlertDao.NOT_CLEARED, participantId, ANY_DAY, ON_CASE));
    }

    /** At most this many on a case page; the inbox has the rest. */
    private static final PageRequest ON_CASE = new PageRequest(20, 0);

    private static final Period ANY_DAY = new Period(null, null);

    /**
     * Records the caller's acknowledgement: 404 for an alert they were not told of (or of a case outside their
     * sites), 409 once cleared or when already acknowledged.
     */
    public Alert acknowledge(Caller caller, String id, String note) {
        return jdbi.inTransaction(handle -> {
            AlertDao alerts = handle.attach(AlertDao.class);
            AlertDao.Row row = alerts.find(caller.username(), id)
                    .filter(found -> caller.covers(found.siteCode()))
                    .orElseThrow(() -> new Refusal.NotFound("alert", id));
            if (row.clearedAt() != null) {
                throw new Refusal.Conflict("This alert was cleared at " + row.clearedAt() + "; nothing to acknowledge");
            }
            Instant now = clock.instant();
            if (alerts.acknowledge(id, caller.username(), note.strip(), now) != 1) {
                throw new Refusal.Conflict("You acknowledged this alert already");
            }
            if (CLEARED_BY_ACKNOWLEDGEMENT.contains(row.rule()) && alerts.unacknowledged(id) == 0) {
                Alerts.clear(handle, row.participantId(), row.rule(), ACKNOWLEDGED, now);
            }
            audit.change(handle, caller, AuditAction.update, "alert", id, row.participantId(), Outcome.CHANGED);
            return shown(caller, alerts.find(caller.username(), id).orElseThrow());
        });
    }

    private static Alert shown(Caller caller, AlertDao.Row row) {
        boolean mayRead = AccessPolicy.allows(caller.user(), row.rule().readRight());
        AlertState state = row.clearedAt() != null
                ? AlertState.cleared
                : row.acknowledgedAt() != null ? AlertState.acknowledged : AlertState.open;
        return new Alert(
                row.id(),
                row.rule(),
                row.participantId(),
                row.caseRef(),
                row.siteCode(),
                row.recordType(),
                mayRead ? row.recordId() : null,
                row.occurredOn(),
                row.raisedAt(),
                row.toldAs(),
                state,
                row.acknowledgedAt(),
                row.acknowledgement(),
                row.clearedAt(),
                row.clearedBecause());
    }
}
