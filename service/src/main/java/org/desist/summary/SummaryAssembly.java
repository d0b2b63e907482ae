package org.desist.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.desist.participant.Participant;
import org.desist.readmodel.SummaryQueries;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;
import org.desist.session.Attendance;
import org.desist.session.SessionOutcome;
import org.desist.time.ProgrammeClock;

/**
 * Builds each summary from {@link SummaryQueries}, inside one read of the database. The CPS summary
 * calls only the queries that carry no clinical text.
 */
final class SummaryAssembly {
    private SummaryAssembly() {}

    static ProbationSummary probation(SummaryQueries queries, Participant participant, Generated generated) {
        String id = participant.id();
        List<SummaryQueries.SessionRow> sessions = queries.sessions(id);
        Optional<SummaryQueries.ReviewRow> review = queries.latestReview(id);
        Optional<SummaryQueries.ConclusionRow> latestAssessment = queries.latestAssessment(id);
        LegalPosition legalPosition = legalPosition(queries, id, generated.asOf());
        List<ProbationSummary.PlanEntry> plan = queries.riskPlan(id, generated.asOf()).stream()
                .map(SummaryAssembly::planEntry)
                .toList();
        List<IncidentEntry> incidents = incidents(queries, id);
        List<ProbationSummary.Concern> concerns = concerns(queries, id);
        ProbationSummary.Now now = now(
                latestAssessment,
                review,
                legalPosition,
                incidents,
                concerns,
                plan,
                queries.nextSession(id, generated.at())
                        .map(SummaryAssembly::nextSession)
                        .orElse(null));
        return new ProbationSummary(
                Audience.probation,
                generated,
                identity(queries, participant),
                now,
                legalPosition,
                queries.referrals(id).stream().map(SummaryAssembly::referral).toList(),
                enrolments(queries, id),
                risk(queries.firstAssessment(id), latestAssessment, review),
                attendance(sessions, generated),
                months(sessions),
                queries.onwardReferrals(id).stream()
                        .map(SummaryAssembly::onwardReferral)
                        .toList(),
                plan,
                incidents,
                concerns,
                review.map(SummaryAssembly::latestReview).orElse(null),
                queries.shareableNotes(id).stream()
                        .map(note -> new ProbationSummary.SharedNote(
                                londonDay(note.scheduledAt()), note.kind(), note.notes()))
                        .toList());
    }

    static CpsSummary cps(SummaryQueries queries, Participant participant, Generated generated) {
        String id = participant.id();
        List<CpsSummary.EnrolmentStatus> enrolments = queries.enrolments(id).stream()
                .map(e -> new CpsSummary.EnrolmentStatus(e.cohort(), e.state(), e.stateOn(), e.enrolledOn()))
                .toList();
        return new CpsSummary(
                Audience.cps,
                generated,
                identity(queries, participant),
                legalPosition(queries, id, generated.asOf()),
                incidents(queries, id),
                new CpsSummary.Engagement(attendance(queries.sessions(id), generated), enrolments),
                queries.latestAssessment(id).map(SummaryAssembly::conclusion).orElse(null));
    }

    static CaseIdentity identity(SummaryQueries queries, Participant p) {
        return new CaseIdentity(
                p.caseRef(),
                p.siteCode(),
                queries.siteName(p.siteCode()),
                p.givenName(),
                p.familyName(),
                p.dateOfBirth(),
                p.pncId(),
                p.nhsNumber());
    }

    /**
     * What matters now. Incidents and concerns "since the last review" are those dated on or after the day of
     * the latest desistance review: a review does not say which of that day's events it had heard of.
     */
    static ProbationSummary.Now now(
            Optional<SummaryQueries.ConclusionRow> latestAssessment,
            Optional<SummaryQueries.ReviewRow> latestReview,
            LegalPosition legalPosition,
            List<IncidentEntry> incidents,
            List<ProbationSummary.Concern> concerns,
            List<ProbationSummary.PlanEntry> plan,
            ProbationSummary.NextSession nextSession) {
        ProbationSummary.SourcedRating overall = latestAssessment
                .map(a -> new ProbationSummary.SourcedRating(
                        a.overallRisk(), a.assessedOn(), ProbationSummary.RatingSource.assessment))
                .orElse(null);
        List<ProbationSummary.DomainNow> domains = current(latestAssessment, latestReview)
                .map(current -> DOMAINS.entrySet().stream()
                        .map(domain -> new ProbationSummary.DomainNow(
                                domain.getKey(),
                                domain.getValue().apply(current.ratings()),
                                current.ratings().ratedOn(),
                                current.source()))
                        .toList())
                .orElse(List.of());
        LocalDate since = latestReview.map(SummaryQueries.ReviewRow::reviewedOn).orElse(null);
        return new ProbationSummary.Now(
                overall,
                domains,
                legalPosition.measures().stream()
                        .filter(LegalPosition.Measure::inForce)
                        .toList(),
                since,
                incidents.stream()
                        .filter(incident ->
                                since == null || !incident.occurredOn().isBefore(since))
                        .toList(),
                concerns.stream()
                        .filter(concern -> since == null || !concern.raisedOn().isBefore(since))
                        .toList(),
                plan.stream().filter(ProbationSummary.PlanEntry::overdue).toList(),
                nextSession);
    }

    /** Session concerns and victim-safety concerns together, oldest first. */
    static List<ProbationSummary.Concern> concerns(SummaryQueries queries, String id) {
        List<ProbationSummary.Concern> concerns = new ArrayList<>();
        for (SummaryQueries.VictimSafetyRow row : queries.victimSafetyConcerns(id)) {
            concerns.add(new ProbationSummary.Concern(
                    row.raisedOn(),
                    ProbationSummary.ConcernSource.victim_safety,
                    row.raisedBy(),
                    row.concern(),
                    row.actionTaken()));
        }
        for (SummaryQueries.SessionConcernRow row : queries.sessionConcerns(id)) {
            concerns.add(new ProbationSummary.Concern(
                    londonDay(row.scheduledAt()),
                    ProbationSummary.ConcernSource.session,
                    row.raisedBy(),
                    row.concern(),
                    null));
        }
        concerns.sort(Comparator.comparing(ProbationSummary.Concern::raisedOn));
        return List.copyOf(concerns);
    }

    private static LocalDate londonDay(Instant at) {
        return at.atZone(ProgrammeClock.ZONE).toLocalDate();
    }

    static LegalPosition legalPosition(SummaryQueries queries, String id, LocalDate asOf) {
        return new LegalPosition(
                queries.statedLegalStatus(id).orElse(null),
                queries.measures(id, asOf).stream()
                        .map(m -> new LegalPosition.Measure(m.kind(), m.from(), m.until(), m.conditions(), m.inForce()))
                        .toList());
    }

    static List<IncidentEntry> incidents(SummaryQueries queries, String id) {
        return queries.incidents(id).stream()
                .map(i -> new IncidentEntry(i.occurredOn(), i.kind(), i.source(), i.details()))
                .toList();
    }

    /**
     * Attendance by the one definition ({@link Attendance}), with the sessions that fall outside its rate.
     * A session awaits an outcome once its time has passed; one still to come awaits nothing.
     */
    static AttendanceFigures attendance(List<SummaryQueries.SessionRow> sessions, Generated generated) {
        List<SessionOutcome> outcomes =
                sessions.stream().map(SummaryQueries.SessionRow::outcome).toList();
        int cancelledByService = (int) outcomes.stream()
                .filter(SessionOutcome.cancelled_by_service::equals)
                .count();
        int awaiting = (int) sessions.stream()
                .filter(session ->
                        session.outcome() == null && !session.scheduledAt().isAfter(generated.at()))
                .count();
        return new AttendanceFigures(Attendance.of(outcomes), cancelledByService, awaiting);
    }

    /** Sessions by calendar month in London, each month's attendance by the same definition. */
    static List<ProbationSummary.Month> months(List<SummaryQueries.SessionRow> sessions) {
        Map<YearMonth, List<SessionOutcome>> byMonth = new LinkedHashMap<>();
        for (SummaryQueries.SessionRow session : sessions) {
            YearMonth month = YearMonth.from(londonDay(session.scheduledAt()));
            byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(session.outcome());
        }
        return byMonth.entrySet().stream()
                .map(entry -> new ProbationSummary.Month(
                        entry.getKey().toString(), entry.getValue().size(), Attendance.of(entry.getValue())))
                .toList();
    }

    static List<ProbationSummary.EnrolmentEntry> enrolments(SummaryQueries queries, String id) {
        Map<String, List<ProbationSummary.Step>> steps = new LinkedHashMap<>();
        for (SummaryQueries.StepRow step : queries.enrolmentSteps(id)) {
            steps.computeIfAbsent(step.enrolmentId(), e -> new ArrayList<>())
                    .add(new ProbationSummary.Step(step.state(), step.on(), step.reason(), step.reasonCode()));
        }
        return queries.enrolments(id).stream()
                .map(e -> new ProbationSummary.EnrolmentEntry(
                        e.cohort(),
                        e.siteCode(),
                        e.siteName(),
                        e.state(),
                        e.stateOn(),
                        e.enrolledOn(),
                        steps.getOrDefault(e.id(), List.of())))
                .toList();
    }

    /**
     * Risk per domain at the first assessment and now. "Now" is the latest rating on the case: the latest
     * desistance review, or the latest assessment if that is later (or there is no review).
     */
    static ProbationSummary.Risk risk(
            Optional<SummaryQueries.RatingsRow> first,
            Optional<SummaryQueries.ConclusionRow> latestAssessment,
            Optional<SummaryQueries.ReviewRow> latestReview) {
        Optional<SummaryQueries.RatingsRow> current =
                current(latestAssessment, latestReview).map(CurrentRatings::ratings);
        List<ProbationSummary.DomainRisk> domains = DOMAINS.entrySet().stream()
                .map(domain -> domain(domain.getKey(), first, current, domain.getValue()))
                .toList();
        return new ProbationSummary.Risk(
                first.map(SummaryQueries.RatingsRow::ratedOn).orElse(null),
                current.map(SummaryQueries.RatingsRow::ratedOn).orElse(null),
                latestAssessment.map(SummaryAssembly::conclusion).orElse(null),
                domains);
    }

    /** The SRP domains in the order every summary prints them, with where each is read from. */
    private static final Map<String, Function<SummaryQueries.RatingsRow, RiskRating>> DOMAINS = orderedDomains();

    private static Map<String, Function<SummaryQueries.RatingsRow, RiskRating>> orderedDomains() {
        Map<String, Function<SummaryQueries.RatingsRow, RiskRating>> domains = new LinkedHashMap<>();
        domains.put("violence", SummaryQueries.RatingsRow::violence);
        domains.put("persistence", SummaryQueries.RatingsRow::persistence);
        domains.put("recurrence", SummaryQueries.RatingsRow::recurrence);
        domains.put("psychosocial_damage", SummaryQueries.RatingsRow::psychosocialDamage);
        return Collections.unmodifiableMap(domains);
    }

    /** The ratings that are current, and the kind of record they come from. */
    record CurrentRatings(SummaryQueries.RatingsRow ratings, ProbationSummary.RatingSource source) {}

    /** The current ratings, as {@link CurrentRatings} decides which record they come from. */
    static Optional<CurrentRatings> current(
            Optional<SummaryQueries.ConclusionRow> latestAssessment, Optional<SummaryQueries.ReviewRow> latestReview) {
        return org.desist.risk.CurrentRatings.from(
                        latestAssessment.map(SummaryQueries.ConclusionRow::assessedOn),
                        latestReview.map(review -> review.ratings().ratedOn()))
                .map(from -> switch (from) {
                    case DESISTANCE_REVIEW ->
                        new CurrentRatings(
                                latestReview.get().ratings(), ProbationSummary.RatingSource.desistance_review);
                    case ASSESSMENT -> {
                        SummaryQueries.ConclusionRow a = latestAssessment.get();
                        yield new CurrentRatings(
                                new SummaryQueries.RatingsRow(
                                        a.assessedOn(),
                                        a.violence(),
                                        a.persistence(),
                                        a.recurrence(),
                                        a.psychosocialDamage()),
                                ProbationSummary.RatingSource.assessment);
                    }
                });
    }

    private static ProbationSummary.DomainRisk domain(
            String name,
            Optional<SummaryQueries.RatingsRow> first,
            Optional<SummaryQueries.RatingsRow> current,
            Function<SummaryQueries.RatingsRow, RiskRating> rating) {
        RiskRating before = first.map(rating).orElse(null);
        RiskRating now = current.map(rating).orElse(null);
        return new ProbationSummary.DomainRisk(name, before, now, Movement.between(before, now));
    }

    static RiskConclusion conclusion(SummaryQueries.ConclusionRow row) {
        return new RiskConclusion(row.assessedOn(), row.kind(), row.instrument(), row.overallRisk(), row.ratings());
    }

    private static ProbationSummary.LatestReview latestReview(SummaryQueries.ReviewRow row) {
        return new ProbationSummary.LatestReview(
                row.reviewedOn(),
                new RiskRatings(row.violence(), row.persistence(), row.recurrence(), row.psychosocialDamage()),
                row.fixation(),
                row.victimContactSinceLastReview(),
                row.engagement());
    }

    private static ProbationSummary.NextSession nextSession(SummaryQueries.NextSessionRow row) {
        return new ProbationSummary.NextSession(row.scheduledAt(), row.kind(), row.facilitator());
    }

    private static ProbationSummary.ReferralEntry referral(SummaryQueries.ReferralRow row) {
        return new ProbationSummary.ReferralEntry(
                row.receivedOn(),
                row.source(),
                row.priority(),
                row.decision(),
                row.reviewedOn(),
                row.screeningYesAnswers());
    }

    private static ProbationSummary.OnwardReferral onwardReferral(SummaryQueries.OnwardRow row) {
        return new ProbationSummary.OnwardReferral(
                row.service(), row.kind(), row.provider(), row.madeOn(), row.state(), row.stateOn());
    }

    private static ProbationSummary.PlanEntry planEntry(SummaryQueries.PlanRow row) {
        return new ProbationSummary.PlanEntry(
                row.action(),
                row.agency(),
                row.owner(),
                row.dueOn(),
                row.reviewOn(),
                row.state(),
                row.closedOn(),
                row.overdue());
    }
}
