package org.desist.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.desist.api.Paging;
import org.desist.auth.Actor;
import org.desist.errors.ProblemException;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantDao;
import org.desist.participant.ParticipantService;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

public class ReferralService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ReferralService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Takes a referral in, creating the participant (and its case reference) when it is new. */
    public Referral receive(NewReferral request, Actor actor) {
        if ((request.participant() == null) == (request.participantId() == null)) {
            throw ProblemException.invalid("participant", "send exactly one of participant or participantId");
        }
        return jdbi.inTransaction(handle -> {
            if (handle.attach(SiteDao.class).find(request.siteCode()).isEmpty()) {
                throw ProblemException.invalid("siteCode", "is not a known site");
            }
            Instant now = clock.instant();
            Participant participant;
            if (request.participantId() != null) {
                participant = handle.attach(ParticipantDao.class).find(request.participantId())
                        .orElseThrow(() -> ProblemException.invalid("participantId", "is not a known participant"));
                if (!participant.siteCode().equals(request.siteCode())) {
                    throw ProblemException.invalid("participantId", "belongs to another site");
                }
            } else {
                participant = ParticipantService.create(handle, request.siteCode(), request.receivedOn(),
                        request.participant(), now);
            }
            ReferralDao referrals = handle.attach(ReferralDao.class);
            String id = UUID.randomUUID().toString();
            referrals.insert(id, participant.id(), request.siteCode(), request.receivedOn(), request.source(),
                    request.referrer(), request.behaviour(), request.victimRef(), request.legalStatus(), now,
                    actor.username());
            return referrals.find(id).orElseThrow();
        });
    }

    public Referral get(String id) {
        return jdbi.withExtension(ReferralDao.class, referrals -> referrals.find(id))
                .orElseThrow(() -> ProblemException.notFound("referral", id));
    }

    public List<Referral> queue(String siteCode, ReferralStatus status, Paging paging) {
        return jdbi.withExtension(ReferralDao.class,
                referrals -> referrals.queue(siteCode, status, paging.fetch(), paging.getOffset()));
    }

    /** Records the daily review's priority and decision. A referral is reviewed once: again is 409. */
    public Referral review(String id, NewReview review, Actor actor) {
        return jdbi.inTransaction(handle -> {
            ReferralDao referrals = handle.attach(ReferralDao.class);
            Referral referral = referrals.find(id).orElseThrow(() -> ProblemException.notFound("referral", id));
            if (referral.status() != ReferralStatus.awaiting_review) {
                throw ProblemException.conflict("Referral " + id + " has already been reviewed");
            }
            if (review.reviewedOn().isBefore(referral.receivedOn())) {
                throw ProblemException.invalid("reviewedOn", "must not be before the referral was received ("
                        + referral.receivedOn() + ")");
            }
            int changed = referrals.review(id, review.priority(), ReviewQueueOrder.rank(review.priority()),
                    review.decision(), review.reviewedOn(), review.reason(), actor.username());
            if (changed != 1) {
                throw ProblemException.conflict("Referral " + id + " has already been reviewed");
            }
            return referrals.find(id).orElseThrow();
        });
    }
}
