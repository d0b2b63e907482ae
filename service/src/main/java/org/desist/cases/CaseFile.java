package org.desist.cases;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.assessment.Assessment;
import org.desist.assessment.NewAssessment;
import org.desist.auth.Caller;
import org.desist.caserecord.RecordKeeper;
import org.desist.desistance.DesistanceReview;
import org.desist.desistance.NewDesistanceReview;
import org.desist.enrolment.Enrolment;
import org.desist.enrolment.EnrolmentService;
import org.desist.incident.Incident;
import org.desist.incident.NewIncident;
import org.desist.legal.LegalMeasure;
import org.desist.legal.NewLegalMeasure;
import org.desist.listing.PageRequest;
import org.desist.listing.Period;
import org.desist.onward.NewServiceReferral;
import org.desist.onward.ServiceReferral;
import org.desist.participant.Participant;
import org.desist.participant.ParticipantService;
import org.desist.progress.Progress;
import org.desist.progress.ProgressReport;
import org.desist.referral.Referral;
import org.desist.referral.ReferralService;
import org.desist.riskplan.NewPlanAction;
import org.desist.riskplan.PlanAction;
import org.desist.session.Session;
import org.desist.session.SessionBody;
import org.desist.timeline.Timeline;
import org.desist.timeline.TimelineEvent;
import org.desist.victimsafety.NewVictimSafetyConcern;
import org.desist.victimsafety.VictimSafetyConcern;

/**
 * Everything the case page shows, read through the services the API's case reads use, each only where the
 * caller's role may make that read: so each part is audited as the matching API read is, and a part the role may
 * not read through the API is not read at all (it stays null).
 */
public class CaseFile {
    /** How many of each kind of record, and of timeline events, one page shows. */
    static final int SHOWN = 100;

    private static final PageRequest FIRST = new PageRequest(SHOWN, 0);
    private static final Period ALL_DATES = new Period(null, null);

    /** The keepers of the case records, the same instances the API's record resources use. */
    public record Records(
            RecordKeeper<Session, SessionBody> sessions,
            RecordKeeper<Assessment, NewAssessment> assessments,
            RecordKeeper<DesistanceReview, NewDesistanceReview> desistanceReviews,
            RecordKeeper<ServiceReferral, NewServiceReferral> serviceReferrals,
            RecordKeeper<PlanAction, NewPlanAction> planActions,
            RecordKeeper<LegalMeasure, NewLegalMeasure> legalMeasures,
            RecordKeeper<VictimSafetyConcern, NewVictimSafetyConcern> victimSafety,
            RecordKeeper<Incident, NewIncident> incidents) {}

    /**
     * One case as the caller may read it. Lists are newest first (the timeline oldest first), each at most
     * {@link #SHOWN} + 1 long (one more than is shown, to tell that more exist); null where the role may not read.
     */
    public record Contents(
            Participant participant,
            List<Enrolment> enrolments,
            List<Referral> referrals,
            Progress progress,
            List<Session> sessions,
            List<Assessment> assessments,
            List<DesistanceReview> desistanceReviews,
            List<ServiceReferral> serviceReferrals,
            List<PlanAction> planActions,
            List<LegalMeasure> legalMeasures,
            List<VictimSafetyConcern> victimSafety,
            List<Incident> incidents,
            List<TimelineEvent> timeline) {}

    private final ParticipantService participants;
    private final EnrolmentService enrolments;
    private final ReferralService referrals;
    private final Records records;
    private final Timeline timeline;
    private final ProgressReport progress;

    public CaseFile(
            ParticipantService participants,
            EnrolmentService enrolments,
            ReferralService referrals,
            Records records,
            Timeline timeline,
            ProgressReport progress) {
        this.participants = participants;
        this.enrolments = enrolments;
        this.referrals = referrals;
        this.records = records;
        this.timeline = timeline;
        this.progress = progress;
    }

    /** The case, or the participant service's refusal (404 for another site's, 410 for a merged one). */
    public Contents read(Caller caller, String id) {
        Participant participant = participants.read(caller, id);
        return new Contents(
                participant,
                when(caller, Action.ENROLMENT_READ, () -> enrolments.list(caller, null, id, null, ALL_DATES, FIRST)),
                when(caller, Action.REFERRAL_READ, () -> referrals.queue(caller, null, id, null, ALL_DATES, FIRST)),
                when(caller, Action.PROGRESS_READ, () -> progress.of(caller, id)),
                when(caller, Action.SESSION_READ, () -> records.sessions().list(caller, id, null, null, FIRST)),
                when(caller, Action.ASSESSMENT_READ, () -> records.assessments().list(caller, id, null, null, FIRST)),
                when(caller, Action.DESISTANCE_REVIEW_READ, () -> records.desistanceReviews()
                        .list(caller, id, null, null, FIRST)),
                when(caller, Action.SERVICE_REFERRAL_READ, () -> records.serviceReferrals()
                        .list(caller, id, null, null, FIRST)),
                when(caller, Action.PLAN_ACTION_READ, () -> records.planActions()
                        .list(caller, id, null, null, FIRST)),
                when(caller, Action.LEGAL_MEASURE_READ, () -> records.legalMeasures()
                        .list(caller, id, null, null, FIRST)),
                when(caller, Action.VICTIM_SAFETY_READ, () -> records.victimSafety()
                        .list(caller, id, null, null, FIRST)),
                when(caller, Action.INCIDENT_READ, () -> records.incidents().list(caller, id, null, null, FIRST)),
                when(caller, Action.TIMELINE_READ, () -> timeline.of(caller, id, Set.of(), null, null, FIRST)));
    }

    private static <T> T when(Caller caller, Action read, Supplier<T> reading) {
        return AccessPolicy.allows(caller.user(), read) ? reading.get() : null;
    }
}
