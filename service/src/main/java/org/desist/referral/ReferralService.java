package org.desist.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.desist.access.SiteScope;
import org.desist.access.Visibility;
import org.desist.attention.Alerts;
import org.desist.attention.Rule;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.participant.IdentityConflict;
import org.desist.participant.IdentityMatch;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantDao;
import org.desist.participant.ParticipantService;
import org.desist.refusal.Refusal;
import org.desist.site.SiteDao;
import org.desist.team.CaseTeams;
import org.desist.team.TeamRole;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public class ReferralService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Visibility visibility;

    public ReferralService(Jdbi jdbi, Clock clock, AuditLog audit, Visibility visibility) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.visibility = visibility;
    }

    /**
     * Takes a referral in, creating the participant (and its case reference) when it is new and nobody known
     * already: a person matching a live participant is refused (409, {@link IdentityMatch}), both when checked
     * and when a referral of the same person at the same moment wins the race to the unique index.
     */
    public Referral receive(Caller caller, NewReferral request) {
        if ((request.participant() == null) == (request.participantId() == null)) {
            throw new Refusal.Invalid("participant", "send exactly one of participant or participantId");
        }
        if (request.confirmedNewPerson() != null && request.participant() == null) {
            throw new Refusal.Invalid("confirmedNewPerson", "confirms a new person: send it with participant only");
        }
        String reason = request.confirmsNewPerson() ? request.confirmedNewPersonReason() : null;
        if (request.confirmsNewPerson() && (reason == null || reason.isBlank())) {
            throw new Refusal.Invalid("confirmedNewPersonReason", "must say why this is not the person already known");
        }
        if (!request.confirmsNewPerson() && request.confirmedNewPersonReason() != null) {
            throw new Refusal.Invalid("confirmedNewPersonReason", "goes with confirmedNewPerson: true only");
        }
        if (!caller.covers(request.siteCode())) {
            audit.denied(caller, "referral", null, request.participantId(), Outcome.HIDDEN_REFERENCE);
            throw new Refusal.Invalid("siteCode", "is not a known site");
        }
        if (request.participantId() != null) {
            // staff who may see the person's site and the referring site take a move of area in; anyone else is
            // told who can, without learning whether the person exists
            visibility.requireReference(
                    caller,
                    jdbi.withExtension(
                            ParticipantDao.class, participants -> participants.find(request.participantId())),
                    Participant::siteCode,
                    Participant::id,
                    "participant",
                    request.participantId(),
                    "participantId",
                    "is not a known participant of a site you cover (a person known at another site is referred with"
                            + " participantId by staff who may see both that site and this one)");
        }
        // a referral of the same person made at the same moment, caught by a unique index: now committed, it is
        // found as the check would have found it
        return IdentityMatch.guarded(
                jdbi,
                audit,
                caller,
                handle -> receive(handle, caller, request, reason == null ? null : reason.strip()),
                handle -> request.participant() == null
                        ? Optional.empty()
                        : IdentityMatch.forNewParticipant(handle, caller, request.participant(), request.siteCode())
                                .filter(found -> !(found.possible() && request.confirmsNewPerson())));
    }

    private Referral receive(Handle handle, Caller caller, NewReferral request, String newPersonReason) {
        if (handle.attach(SiteDao.class).find(request.siteCode()).isEmpty()) {
            throw new Refusal.Invalid("siteCode", "is not a known site");
        }
        if (request.participantId() != null) {
            ParticipantService.holdLiveReference(handle, caller, request.participantId(), "participantId");
        }
        Instant now = clock.instant();
        String participantId = request.participantId();
        if (participantId == null) {
            Optional<IdentityConflict> conflict =
                    IdentityMatch.forNewParticipant(handle, caller, request.participant(), request.siteCode());
            boolean overruled = conflict.isPresent() && conflict.get().possible() && request.confirmsNewPerson();
            if (conflict.isPresent() && !overruled) {
                throw conflict.get();
            }
            participantId = ParticipantService.create(
                            handle,
                            request.siteCode(),
                            request.receivedOn(),
                            request.participant(),
                            overruled ? newPersonReason : null,
                            now,
                            caller.username())
                    .id();
            if (overruled) {
                // the referrer overruled a possible match: who and when here, why on the participant
                audit.change(
                        handle,
                        caller,
                        AuditAction.create,
                        "new_person_confirmation",
                        participantId,
                        participantId,
                        Outcome.CREATED);
            }
        }
        ReferralDao referrals = handle.attach(ReferralDao.class);
        String id = UUID.randomUUID().toString();
        referrals.insert(
                id,
                participantId,
                request.siteCode(),
                request.receivedOn(),
                request.source(),
                request.referrer(),
                request.behaviour(),
                request.victimRef(),
                request.legalStatus(),
                now,
                caller.username());
        audit.change(handle, caller, AuditAction.create, "referral", id, participantId, Outcome.CREATED);
        return referrals.find(id).orElseThrow();
    }

    public Referral read(Caller caller, String id) {
        Referral referral = visible(caller, id);
        audit.read(caller, "referral", id, referral.participantId());
        return referral;
    }

    public List<Referral> queue(
            Caller caller, String siteCode, ReferralStatus status, Period receivedOn, PageRequest paging) {
        return queue(caller, siteCode, null, status, receivedOn, paging);
    }

    /** As above, and only the participant's referrals when {@code participantId} is given (its case page). */
    public List<Referral> queue(
            Caller caller,
            String siteCode,
            String participantId,
            ReferralStatus status,
            Period receivedOn,
            PageRequest paging) {
        SiteScope scope = SiteScope.of(caller);
        List<Referral> found = jdbi.withExtension(
                ReferralDao.class,
                referrals -> referrals.queue(
                        siteCode,
                        participantId,
                        status,
                        receivedOn.from(),
                        receivedOn.to(),
                        scope.allSites(),
                        scope.sites(),
                        paging.fetch(),
                        paging.offset()));
        audit.read(caller, "referral", null, participantId);
        return found;
    }

    /**
     * Records the daily review's priority and decision, and the triage screening when one was answered.
     * A referral is reviewed once: again is 409.
     */
    public Referral review(Caller caller, String id, NewReview review) {
        visible(caller, id);
        return jdbi.inTransaction(handle -> {
            ReferralDao referrals = handle.attach(ReferralDao.class);
            Referral referral = referrals.find(id).orElseThrow();
            if (referral.status() != ReferralStatus.awaiting_review) {
                throw new Refusal.Conflict("Referral " + id + " has already been reviewed");
            }
            if (review.keyWorker() != null && review.decision() != TriageDecision.accept_for_intervention) {
                throw new Refusal.Invalid("keyWorker", "goes with the decision accept_for_intervention only");
            }
            if (review.reviewedOn().isBefore(referral.receivedOn())) {
                throw new Refusal.Invalid(
                        "reviewedOn", "must not be before the referral was received (" + referral.receivedOn() + ")");
            }
            int changed = referrals.review(
                    id,
                    review.priority(),
                    ReviewQueueOrder.rank(review.priority()),
                    review.decision(),
                    review.reviewedOn(),
                    review.reason(),
                    caller.username());
            if (changed != 1) {
                throw new Refusal.Conflict("Referral " + id + " has already been reviewed");
            }
            allocateKeyWorker(handle, caller, referral, review);
            if (review.screening() != null) {
                ScreeningAnswers answers = review.screening().answers();
                referrals.screen(id, review.screening().instrument(), answers, answers.yesCount());
            }
            // issue 17 (attention-core): reviewed, the case no longer waits; the sweep raises again for any other
            // referral of the case still waiting past its working day
            Alerts.clear(handle, referral.participantId(), Rule.referral_awaiting_review, "reviewed", clock.instant());
            audit.change(handle, caller, AuditAction.update, "referral", id, referral.participantId(), Outcome.CHANGED);
            return referrals.find(id).orElseThrow();
        });
    }

    /**
     * Accepting a case for intervention names its key worker (issue 17): the one the review names, else a reviewer
     * who is a clinician at the site when the case has no key worker. One named who is the key worker stays so.
     */
    private void allocateKeyWorker(Handle handle, Caller caller, Referral referral, NewReview review) {
        if (review.decision() != TriageDecision.accept_for_intervention) {
            return;
        }
        Optional<String> holder = CaseTeams.holder(handle, referral.participantId(), TeamRole.key_worker);
        String keyWorker = review.keyWorker();
        if (keyWorker == null) {
            // the reviewer by default, but never in place of a key worker the case has
            if (holder.isPresent() || !caller.user().has(Role.clinician) || !caller.covers(referral.siteCode())) {
                return;
            }
            keyWorker = caller.username();
        }
        Participant participant = handle.attach(ParticipantDao.class)
                .find(referral.participantId())
                .orElseThrow();
        if (!holder.equals(Optional.of(keyWorker))) {
            CaseTeams.allocateWithin(
                    handle,
                    audit,
                    caller,
                    participant,
                    keyWorker,
                    TeamRole.key_worker,
                    review.reviewedOn(),
                    clock.instant(),
                    review.keyWorker() == null ? "reviewedBy" : "keyWorker");
        }
    }

    private Referral visible(Caller caller, String id) {
        return visibility.require(
                caller,
                jdbi.withExtension(ReferralDao.class, referrals -> referrals.find(id)),
                Referral::siteCode,
                Referral::participantId,
                "referral",
                id);
    }
}
