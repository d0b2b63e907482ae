package org.desist.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.desist.api.Paging;
import org.desist.auth.Actor;
import org.desist.cohort.Cohort;
import org.desist.cohort.CohortDao;
import org.desist.errors.ProblemException;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantDao;
import org.desist.reference.ReasonCodeDao;
import org.desist.referral.ReferralDao;
import org.jdbi.v3.core.Jdbi;

public class EnrolmentService {
    private final Jdbi jdbi;
    private final Clock clock;

    public EnrolmentService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Opens an enrolment in state 'referred'. The participant must have been accepted for
     * intervention by the daily review, belong to the cohort's site, and hold no other open enrolment.
     */
    public Enrolment open(NewEnrolment request, Actor actor) {
        return jdbi.inTransaction(handle -> {
            Participant participant = handle.attach(ParticipantDao.class).find(request.participantId())
                    .orElseThrow(() -> ProblemException.invalid("participantId", "is not a known participant"));
            Cohort cohort = handle.attach(CohortDao.class).find(request.cohortId())
                    .orElseThrow(() -> ProblemException.invalid("cohortId", "is not a known cohort"));
            if (!cohort.siteCode().equals(participant.siteCode())) {
                throw ProblemException.invalid("cohortId", "is a cohort of another site (" + cohort.siteCode() + ")");
            }
            if (request.on().isAfter(cohort.endsOn())) {
                throw ProblemException.invalid("on", "must not be after the cohort ends (" + cohort.endsOn() + ")");
            }
            ReferralDao referrals = handle.attach(ReferralDao.class);
            LocalDate referred = referrals.firstReceivedOn(participant.id()).orElseThrow();
            if (request.on().isBefore(referred)) {
                throw ProblemException.invalid("on", "must not be before the participant's referral (" + referred + ")");
            }
            if (referrals.acceptedForIntervention(participant.id()) == 0) {
                throw ProblemException.conflict("The daily review has not accepted participant "
                        + participant.caseRef() + " for intervention");
            }
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            enrolments.findOpen(participant.id()).ifPresent(open -> {
                throw ProblemException.conflict("Participant " + participant.caseRef()
                        + " already has an open enrolment (" + open.id() + ", " + open.state() + ")");
            });
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            enrolments.insert(id, participant.id(), cohort.id(), request.on(), now);
            enrolments.recordEvent(UUID.randomUUID().toString(), id, EnrolmentState.referred, request.on(),
                    "Enrolment opened in " + cohort.name(), null, actor.username(), now);
            return withHistory(enrolments, enrolments.find(id).orElseThrow());
        });
    }

    /** Moves an enrolment along the lifecycle: illegal moves are 409, back-dated ones 422; both change nothing. */
    public Enrolment move(String id, Transition transition, Actor actor) {
        return jdbi.inTransaction(handle -> {
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            EnrolmentRow current = enrolments.find(id).orElseThrow(() -> ProblemException.notFound("enrolment", id));
            EnrolmentLifecycle.check(current.state(), current.stateOn(), transition.to(), transition.on());
            if (transition.reasonCode() != null
                    && handle.attach(ReasonCodeDao.class).find(transition.reasonCode()).isEmpty()) {
                throw ProblemException.invalid("reasonCode", "is not a known reason code (see /api/reference/reason-codes)");
            }
            LocalDate enrolledOn = transition.to() == EnrolmentState.enrolled ? transition.on() : null;
            int changed = enrolments.move(id, current.state(), transition.to(), transition.on(),
                    transition.to().isOpen() ? 1 : 0, enrolledOn);
            if (changed != 1) {
                throw ProblemException.conflict("The enrolment moved while this change was being made; read it again");
            }
            enrolments.recordEvent(UUID.randomUUID().toString(), id, transition.to(), transition.on(),
                    transition.reason(), transition.reasonCode(), actor.username(), clock.instant());
            return withHistory(enrolments, enrolments.find(id).orElseThrow());
        });
    }

    public Enrolment get(String id) {
        return jdbi.withHandle(handle -> {
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            return withHistory(enrolments,
                    enrolments.find(id).orElseThrow(() -> ProblemException.notFound("enrolment", id)));
        });
    }

    public List<Enrolment> list(String cohortId, EnrolmentState state, Paging paging) {
        return jdbi.withHandle(handle -> {
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            List<EnrolmentRow> rows = enrolments.list(cohortId, state, paging.fetch(), paging.getOffset());
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, List<EnrolmentEvent>> histories = enrolments.histories(rows.stream().map(EnrolmentRow::id).toList())
                    .stream()
                    .collect(Collectors.groupingBy(EnrolmentDao.EnrolmentEventOf::enrolmentId,
                            Collectors.mapping(EnrolmentDao.EnrolmentEventOf::event, Collectors.toList())));
            return rows.stream().map(row -> row.withHistory(histories.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    private static Enrolment withHistory(EnrolmentDao enrolments, EnrolmentRow row) {
        return row.withHistory(enrolments.history(row.id()));
    }
}
