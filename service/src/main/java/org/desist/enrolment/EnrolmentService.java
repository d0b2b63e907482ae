package org.desist.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.desist.access.SiteScope;
import org.desist.access.Visibility;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.cohort.Cohort;
import org.desist.cohort.CohortDao;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantDao;
import org.desist.participant.ParticipantService;
import org.desist.reference.ReasonCodeDao;
import org.desist.referral.ReferralDao;
import org.desist.refusal.Refusal;
import org.desist.session.AttendanceTotals;
import org.jdbi.v3.core.Jdbi;

public class EnrolmentService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Visibility visibility;

    public EnrolmentService(Jdbi jdbi, Clock clock, AuditLog audit, Visibility visibility) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.visibility = visibility;
    }

    /**
     * Opens an enrolment in state 'referred'. The participant must have been accepted for
     * intervention by the daily review, belong to the cohort's site, and hold no other open enrolment.
     */
    public Enrolment open(Caller caller, NewEnrolment request) {
        Participant participant = visibility.requireReference(
                caller,
                jdbi.withExtension(ParticipantDao.class, participants -> participants.find(request.participantId())),
                Participant::siteCode,
                Participant::id,
                "participant",
                request.participantId(),
                "participantId",
                "is not a known participant");
        Cohort cohort = jdbi.withExtension(CohortDao.class, cohorts -> cohorts.find(request.cohortId()))
                .filter(found -> caller.covers(found.siteCode()))
                .orElseThrow(() -> new Refusal.Invalid("cohortId", "is not a known cohort"));
        if (!cohort.siteCode().equals(participant.siteCode())) {
            throw new Refusal.Invalid("cohortId", "is a cohort of another site (" + cohort.siteCode() + ")");
        }
        if (request.on().isAfter(cohort.endsOn())) {
            throw new Refusal.Invalid("on", "must not be after the cohort ends (" + cohort.endsOn() + ")");
        }
        return jdbi.inTransaction(handle -> {
            // one writer of this participant at a time: a concurrent enrolment is then seen by the check
            // below (409, not the unique index), and a concurrent outcome by the totals (AttendanceTotals)
            AttendanceTotals.lock(handle, participant.id());
            ParticipantService.holdLiveReference(handle, caller, participant.id(), "participantId");
            ReferralDao referrals = handle.attach(ReferralDao.class);
            LocalDate referred = referrals.firstReceivedOn(participant.id()).orElseThrow();
            if (request.on().isBefore(referred)) {
                throw new Refusal.Invalid("on", "must not be before the participant's referral (" + referred + ")");
            }
            if (referrals.acceptedForIntervention(participant.id()) == 0) {
                throw new Refusal.Conflict(
                        "The daily review has not accepted participant " + participant.caseRef() + " for intervention");
            }
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            enrolments.findOpen(participant.id()).ifPresent(open -> {
                throw new Refusal.Conflict("Participant " + participant.caseRef() + " already has an open enrolment ("
                        + open.id() + ", " + open.state() + ")");
            });
            String id = UUID.randomUUID().toString();
            Instant now = clock.instant();
            // sessions recorded before this enrolment count for the cohort from now on
            AttendanceTotals.joining(handle, participant.id(), cohort.id());
            enrolments.insert(id, participant.id(), cohort.id(), request.on(), now);
            enrolments.recordEvent(
                    UUID.randomUUID().toString(),
                    id,
                    EnrolmentState.referred,
                    request.on(),
                    "Enrolment opened in " + cohort.name(),
                    null,
                    caller.username(),
                    now);
            audit.change(handle, caller, AuditAction.create, "enrolment", id, participant.id(), Outcome.CREATED);
            return withHistory(enrolments, enrolments.find(id).orElseThrow());
        });
    }

    /** Moves an enrolment along the lifecycle: illegal moves are 409, back-dated ones 422; both change nothing. */
    public Enrolment move(Caller caller, String id, Transition transition) {
        visible(caller, id);
        return jdbi.inTransaction(handle -> {
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            EnrolmentRow current = enrolments.find(id).orElseThrow();
            // a write of the case: refused while its processing is restricted
            ParticipantService.holdLive(handle, caller, current.participantId());
            EnrolmentLifecycle.check(current.state(), current.stateOn(), transition.to(), transition.on());
            if (transition.reasonCode() != null
                    && handle.attach(ReasonCodeDao.class)
                            .find(transition.reasonCode())
                            .isEmpty()) {
                throw new Refusal.Invalid("reasonCode", "is not a known reason code (see /api/reference/reason-codes)");
            }
            LocalDate enrolledOn = transition.to() == EnrolmentState.enrolled ? transition.on() : null;
            int changed = enrolments.move(
                    id,
                    current.state(),
                    transition.to(),
                    transition.on(),
                    transition.to().isOpen() ? 1 : 0,
                    enrolledOn);
            if (changed != 1) {
                throw new Refusal.Conflict("The enrolment moved while this change was being made; read it again");
            }
            enrolments.recordEvent(
                    UUID.randomUUID().toString(),
                    id,
                    transition.to(),
                    transition.on(),
                    transition.reason(),
                    transition.reasonCode(),
                    caller.username(),
                    clock.instant());
            audit.change(handle, caller, AuditAction.update, "enrolment", id, current.participantId(), Outcome.CHANGED);
            return withHistory(enrolments, enrolments.find(id).orElseThrow());
        });
    }

    public Enrolment read(Caller caller, String id) {
        EnrolmentRow row = visible(caller, id);
        Enrolment enrolment = jdbi.withExtension(EnrolmentDao.class, enrolments -> withHistory(enrolments, row));
        audit.read(caller, "enrolment", id, row.participantId());
        return enrolment;
    }

    public List<Enrolment> list(
            Caller caller, String cohortId, EnrolmentState state, Period stateOn, PageRequest paging) {
        return list(caller, cohortId, null, state, stateOn, paging);
    }

    /** As above, and only the participant's when {@code participantId} is given (its case page). */
    public List<Enrolment> list(
            Caller caller,
            String cohortId,
            String participantId,
            EnrolmentState state,
            Period stateOn,
            PageRequest paging) {
        SiteScope scope = SiteScope.of(caller);
        List<Enrolment> found = jdbi.withHandle(handle -> {
            EnrolmentDao enrolments = handle.attach(EnrolmentDao.class);
            List<EnrolmentRow> rows = enrolments.list(
                    cohortId,
                    participantId,
                    state,
                    stateOn.from(),
                    stateOn.to(),
                    scope.allSites(),
                    scope.sites(),
                    paging.fetch(),
                    paging.offset());
            return withHistories(enrolments, rows);
        });
        audit.read(caller, "enrolment", null, participantId);
        return found;
    }

    /** Every enrolment of a participant with its history, for the subject access request. */
    public List<Enrolment> ofParticipant(String participantId) {
        return jdbi.withExtension(
                EnrolmentDao.class, enrolments -> withHistories(enrolments, enrolments.ofParticipant(participantId)));
    }

    private EnrolmentRow visible(Caller caller, String id) {
        return visibility.require(
                caller,
                jdbi.withExtension(EnrolmentDao.class, enrolments -> enrolments.find(id)),
                EnrolmentRow::siteCode,
                EnrolmentRow::participantId,
                "enrolment",
                id);
    }

    private static List<Enrolment> withHistories(EnrolmentDao enrolments, List<EnrolmentRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<EnrolmentEvent>> histories =
                enrolments.histories(rows.stream().map(EnrolmentRow::id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                EnrolmentDao.EnrolmentEventOf::enrolmentId,
                                Collectors.mapping(EnrolmentDao.EnrolmentEventOf::event, Collectors.toList())));
        return rows.stream()
                .map(row -> row.withHistory(histories.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static Enrolment withHistory(EnrolmentDao enrolments, EnrolmentRow row) {
        return row.withHistory(enrolments.history(row.id()));
    }
}
