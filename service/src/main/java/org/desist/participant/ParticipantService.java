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
        return visibility.require(caller, find(id), Participant::siteCode, Participant::id, "participant", id);
    }

    /**
     * For a write of the participant's case, inside its transaction and before anything else: holds the
     * participant's row lock until the transaction ends, then refuses (410) if a merge took the participant
     * meanwhile. A merge takes the same lock, so a write either commits first (and the merge moves what it
     * wrote to the survivor) or waits and is refused: nothing is left behind on the merged id. (No denial is
     * audited here: on SQLite it would wait on this transaction's own write lock.)
     */
    public static void holdLive(Handle handle, Caller caller, String id) {
        ParticipantDao participants = handle.attach(ParticipantDao.class);
        participants.lock(id);
        Optional<Survivor> survivor = participants.survivorOf(id);
        if (survivor.isPresent()) {
            throw gone(caller, id, survivor.get());
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
