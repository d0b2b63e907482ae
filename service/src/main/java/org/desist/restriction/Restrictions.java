package org.desist.restriction;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.participant.ParticipantDao;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Jdbi;

/**
 * Restriction of processing (UK GDPR art. 18): the DPO marks a case restricted for a stated purpose (say, while the
 * data subject contests its accuracy) and lifts it. While it is in force every write of the case is refused (409,
 * in participant.ParticipantService.holdLive, where every write passes) and only the DPO may read the case, each
 * read audited with the purpose (ParticipantService.visible).
 */
public class Restrictions {
    static final int MAX_PURPOSE = 300;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ParticipantService participants;

    public Restrictions(Jdbi jdbi, Clock clock, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.participants = participants;
    }

    /**
     * Restricts the case: 409 when a restriction is in force already. Holds the case's lock as a write does, so a
     * write made at the same moment either commits first or is refused.
     */
    public Restriction restrict(Caller caller, String participantId, NewRestriction request) {
        String purpose = request.purpose().strip().replaceAll("\\s+", " ");
        if (purpose.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal.Invalid("purpose", "must be printable text");
        }
        participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            ParticipantService.holdLive(handle, caller, participantId);
            RestrictionDao restrictions = handle.attach(RestrictionDao.class);
            String id = UUID.randomUUID().toString();
            restrictions.insert(id, participantId, purpose, clock.instant(), caller.username());
            audit.change(
                    handle,
                    caller.withPurpose(purpose),
                    AuditAction.restrict,
                    "restriction",
                    id,
                    participantId,
                    Outcome.CREATED);
            return restrictions.find(id);
        });
    }

    /** Lifts the restriction in force: 409 when there is none. */
    public Restriction lift(Caller caller, String participantId) {
        participants.visible(caller, participantId);
        return jdbi.inTransaction(handle -> {
            handle.attach(ParticipantDao.class).lock(participantId);
            RestrictionDao restrictions = handle.attach(RestrictionDao.class);
            Restriction inForce = restrictions
                    .inForce(participantId)
                    .orElseThrow(() -> new Refusal.Conflict("Processing of this case is not restricted"));
            Instant now = clock.instant();
            restrictions.lift(inForce.id(), now, caller.username());
            audit.change(
                    handle,
                    caller.withPurpose(inForce.purpose()),
                    AuditAction.restriction_lift,
                    "restriction",
                    inForce.id(),
                    participantId,
                    Outcome.CHANGED);
            return restrictions.find(inForce.id());
        });
    }

    /** The restriction in force on the case, if any (for the DPO's view of it). */
    public Optional<Restriction> inForce(String participantId) {
        return jdbi.withExtension(RestrictionDao.class, restrictions -> restrictions.inForce(participantId));
    }
}
