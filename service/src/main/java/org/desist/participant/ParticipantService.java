package org.desist.participant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.desist.access.SiteScope;
import org.desist.access.Visibility;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.CaseAccess;
import org.desist.auth.Role;
import org.desist.json.MergePatch;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.refusal.ExpectedVersion;
import org.desist.refusal.Refusal;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public class ParticipantService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final MergePatch patches;
    private final AuditLog audit;
    private final Visibility visibility;

    public ParticipantService(Jdbi jdbi, Clock clock, MergePatch patches, AuditLog audit, Visibility visibility) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.patches = patches;
        this.audit = audit;
        this.visibility = visibility;
    }

    /**
     * Creates a participant inside the caller's transaction, numbering the case for its site and the
     * year the referral was received. The sequence row stays locked until the transaction ends, which
     * keeps numbers unique and gapless.
     */
    public static Participant create(
            Handle handle,
            String siteCode,
            LocalDate receivedOn,
            Identity identity,
            String newPersonReason,
            Instant now,
            String by) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        int year = receivedOn.getYear();
        participants.takeCaseNumber(siteCode, year);
        int number = participants.lastCaseNumber(siteCode, year);
        Participant participant = new Participant(
                UUID.randomUUID().toString(),
                CaseReference.of(siteCode, year, number),
                siteCode,
                identity.givenName(),
                identity.familyName(),
                identity.dateOfBirth(),
                identity.pncId(),
                identity.nhsNumber(),
                now,
                now,
                1);
        participants.insert(participant, IdentityKeys.of(identity), newPersonReason);
        participants.recordVersion(participant.id(), by);
        return participants.find(participant.id()).orElseThrow();
    }

    /**
     * The participant if the caller's sites cover it; otherwise 404, as if it did not exist. Not audited. A
     * participant merged into another is 410 Gone naming the survivor, for a caller who may see the survivor
     * (404 for anyone else): every address under {@code /participants/{id}} comes through here.
     */
    public Participant visible(Caller caller, String id) {
        Optional<Survivor> survivor =
                jdbi.withExtension(ParticipantDao.class, participants -> participants.survivorOf(id));
        if (survivor.isPresent()) {
            if (!caller.covers(survivor.get().siteCode())) {
                audit.denied(caller, "participant", id, id, Outcome.HIDDEN);
            }
            throw gone(caller, id, survivor.get());
        }
        Optional<Participant> found = find(id);
        Participant participant =
                found.isPresent() && !caller.covers(found.get().siteCode())
                        ? byBreakGlass(caller, found.get())
                        : visibility.require(caller, found, Participant::siteCode, Participant::id, "participant", id);
        readableDespiteRestriction(caller, id);
        return participant;
    }

    /**
     * Another site's case, for a caller holding a running break-glass grant to it (breakglass/): read-only, each
     * read audited as break-glass with the grant's reason. Without a grant it does not exist for them (404).
     */
    private Participant byBreakGlass(Caller caller, Participant participant) {
        String id = participant.id();
        Optional<String> reason = jdbi.withExtension(
                CaseAccessDao.class, gates -> gates.runningGrantReason(caller.username(), id, clock.instant()));
        if (reason.isEmpty()) {
            return visibility.require(
                    caller, Optional.of(participant), Participant::siteCode, Participant::id, "participant", id);
        }
        if (!caller.caseAccess().reading()) {
            audit.denied(caller, "participant", id, id, Outcome.FORBIDDEN);
            throw breakGlassReadOnly();
        }
        caller.caseAccess().reached(id, CaseAccess.Way.break_glass, reason.get());
        return participant;
    }

    private static Refusal.Forbidden breakGlassReadOnly() {
        return new Refusal.Forbidden("Break-glass access is read-only: nothing was changed", List.of());
    }

    /**
     * A restricted case (restriction/) is read by the DPO alone, each read audited with the restriction's purpose;
     * anyone else's read is refused (403, audited). A write is refused later, by {@link #holdLive}, inside its
     * transaction, so that a write and a restriction made at once cannot both commit.
     */
    private void readableDespiteRestriction(Caller caller, String id) {
        Optional<String> purpose = jdbi.withExtension(CaseAccessDao.class, gates -> gates.restrictionPurpose(id));
        if (purpose.isEmpty()) {
            return;
        }
        if (caller.user().has(Role.dpo)) {
            caller.caseAccess().reached(id, CaseAccess.Way.restricted, purpose.get());
        } else if (caller.caseAccess().reading()) {
            audit.denied(caller, "participant", id, id, Outcome.FORBIDDEN);
            throw new Refusal.Forbidden(
                    "Processing of this case is restricted: only the data protection officer may read it", List.of());
        }
    }

    /** Until when the caller reads this case by break-glass, when that is how this request reached it (for the page). */
    public Optional<Instant> breakGlassUntil(Caller caller, String id) {
        if (caller.caseAccess()
                .howReached(id)
                .filter(reached -> reached.way() == CaseAccess.Way.break_glass)
                .isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withExtension(
                CaseAccessDao.class, gates -> gates.runningGrantUntil(caller.username(), id, clock.instant()));
    }

    /** Whether processing of the case is restricted, and why: for the DPO's view of the case. */
    public Optional<String> restrictionPurpose(String id) {
        return jdbi.withExtension(CaseAccessDao.class, gates -> gates.restrictionPurpose(id));
    }

    /**
     * For a write of the participant's case, inside its transaction and before anything else: holds the
     * participant's row lock until the transaction ends, then refuses (410) if a merge took the participant
     * meanwhile. A merge takes the same lock, so a write either commits first (and the merge moves what it
     * wrote to the survivor) or waits and is refused: nothing is left behind on the merged id. (No denial is
     * audited here: on SQLite it would wait on this transaction's own write lock.)
     */
    public static void holdLive(Handle handle, Caller caller, String id) {
        holdStored(handle, caller, id);
        refuseIfRestricted(handle, id);
    }

    /**
     * {@link #holdLive} without the restriction's refusal, for the data protection officer's retention decisions and
     * legal holds: a restricted case is still stored, and deciding how long it is stored is not processing that the
     * restriction stops (UK GDPR art. 18(2) allows storage).
     */
    public static void holdStored(Handle handle, Caller caller, String id) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        participants.lock(id);
        Optional<Survivor> survivor = participants.survivorOf(id);
        if (survivor.isPresent()) {
            throw gone(caller, id, survivor.get());
        }
        if (caller.caseAccess()
                .howReached(id)
                .filter(reached -> reached.way() == CaseAccess.Way.break_glass)
                .isPresent()) {
            throw breakGlassReadOnly();
        }
    }

    /**
     * Every write of a case holds its lock first ({@link #holdLive}, {@link #holdLiveReference}), and so does a
     * restriction (restriction.Restrictions): a write either commits before the restriction or is refused here.
     */
    private static void refuseIfRestricted(Handle handle, String id) {
        if (handle.attach(CaseAccessDao.class).restrictionPurpose(id).isPresent()) {
            throw new Refusal.Conflict("Processing of this case is restricted: nothing of it may be changed until the"
                    + " data protection officer lifts the restriction; nothing was changed");
        }
    }

    /**
     * {@link #holdLive} for a participant named in a request body ({@code participantId} of a referral or an
     * enrolment): a merged one is 422 on that field, naming the survivor to a caller who may see it.
     */
    public static void holdLiveReference(Handle handle, Caller caller, String id, String field) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        participants.lock(id);
        Optional<Survivor> survivor = participants.survivorOf(id);
        if (survivor.isPresent()) {
            throw new Refusal.Invalid(
                    field,
                    caller.covers(survivor.get().siteCode())
                            ? "was merged into " + survivor.get().caseRef() + " ("
                                    + survivor.get().id() + "): use that participant"
                            : "is not a known participant");
        }
        refuseIfRestricted(handle, id);
    }

    /** 410 naming the survivor to a caller who may see it; to anyone else the merged id does not exist. */
    private static Refusal gone(Caller caller, String id, Survivor survivor) {
        if (!caller.covers(survivor.siteCode())) {
            return new Refusal.NotFound("participant", id);
        }
        return new Refusal.MergedInto(id, survivor.id(), survivor.caseRef());
    }

    public Optional<Participant> find(String id) {
        return jdbi.withExtension(ParticipantDao.class, participants -> participants.find(id));
    }

    public Participant read(Caller caller, String id) {
        Participant participant = visible(caller, id);
        audit.read(caller, "participant", id, id);
        return participant;
    }

    /** Live participants the caller may see, found by any of the search's terms (all must match). */
    public List<Participant> list(
            Caller caller, String siteCode, ParticipantSearch search, Period createdOn, PageRequest paging) {
        String key = MatchKey.name(search.query());
        String pattern = key == null || key.isEmpty()
                ? null
                : "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        SiteScope scope = SiteScope.of(caller);
        List<Participant> found = jdbi.withExtension(
                ParticipantDao.class,
                participants -> participants.list(
                        siteCode,
                        pattern,
                        MatchKey.nhs(search.nhsNumber()),
                        MatchKey.pnc(search.pncId()),
                        search.dateOfBirth(),
                        search.enrolmentState(),
                        search.priority(),
                        createdOn.startIn(ProgrammeClock.ZONE),
                        createdOn.endIn(ProgrammeClock.ZONE),
                        scope.allSites(),
                        scope.sites(),
                        paging.fetch(),
                        paging.offset()));
        audit.read(caller, "participant", null, null);
        return found;
    }

    /** Applies a merge patch if the caller has seen the current version; otherwise it is stale and nothing changes. */
    public Participant amend(Caller caller, String id, ExpectedVersion expected, ObjectNode patch) {
        visible(caller, id);
        // a unique index caught a number taken at the same moment: answer as the check would have
        return IdentityMatch.guarded(
                jdbi, audit, caller, handle -> amend(handle, caller, id, expected, patch), handle -> find(id).flatMap(
                                current -> IdentityMatch.forAmendment(
                                        handle,
                                        caller,
                                        id,
                                        patches.apply(
                                                current.identity(), patch, Identity.class, IdentityPatch.CHANGEABLE))));
    }

    private Participant amend(Handle handle, Caller caller, String id, ExpectedVersion expected, ObjectNode patch) {
        holdLive(handle, caller, id);
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        Participant current = participants.find(id).orElseThrow();
        expected.requireCurrent(current.version());
        Identity amended = patches.apply(current.identity(), patch, Identity.class, IdentityPatch.CHANGEABLE);
        IdentityKeys keys = IdentityKeys.of(amended);
        IdentityKeys before = IdentityKeys.of(current.identity());
        if (!Objects.equals(keys.nhsKey(), before.nhsKey()) || !Objects.equals(keys.pncKey(), before.pncKey())) {
            Optional<IdentityConflict> conflict = IdentityMatch.forAmendment(handle, caller, id, amended);
            if (conflict.isPresent()) {
                throw conflict.get();
            }
        }
        if (participants.updateIdentity(id, current.version(), amended, keys, clock.instant()) != 1) {
            throw new Refusal.StaleVersion();
        }
        participants.recordVersion(id, caller.username());
        audit.change(handle, caller, AuditAction.update, "participant", id, id, Outcome.CHANGED);
        return participants.find(id).orElseThrow();
    }

    /** The participants merged into this one, whose identities and histories it now carries. */
    public List<String> mergedInto(String id) {
        return jdbi.withExtension(ParticipantDao.class, participants -> participants.mergedInto(id));
    }

    public List<IdentityDecision> identityDecisions(String id) {
        return jdbi.withExtension(ParticipantDao.class, participants -> participants.identityDecisions(id));
    }

    public List<IdentityVersion> versions(String id) {
        return jdbi.withExtension(ParticipantDao.class, participants -> participants.versions(id));
    }
}
