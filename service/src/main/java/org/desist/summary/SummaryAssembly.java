package org.desist.summary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.desist.ProgrammeClock;
import org.desist.participant.Participant;
import org.desist.risk.Movement;
import org.desist.risk.RiskRating;
import org.desist.session.Attendance;
import org.desist.session.SessionOutcome;

/**
 * Builds each summary from {@link SummaryQueries}, inside one read of the database. The CPS summary
 * calls only the queries that carry no clinical text.
 */
final class SummaryAssembly {
    private SummaryAssembly() {
    }

    static ProbationSummary probation(SummaryQueries queries, Participant participant, Generated generated) {
        String id = participant.id();
        List<SummaryQueries.SessionRow> sessions = queries.sessions(id);
        Optional<SummaryQueries.ReviewRow> review = queries.latestReview(id);
        return new ProbationSummary(Audience.probation, generated, identity(participant),
                legalPosition(queries, id, generated.asOf()), queries.referrals(id), enrolments(queries, id),
                risk(queries.firstAssessment(id), queries.latestAssessment(id), review), attendance(sessions),
                months(sessions), queries.onwardReferrals(id), queries.riskPlan(id, generated.asOf()),
                queries.incidents(id), review.map(SummaryQueries.ReviewRow::review).orElse(null),
                queries.shareableNotes(id).stream().map(note -> new ProbationSummary.SharedNote(
                        note.scheduledAt().atZone(ProgrammeClock.ZONE).toLocalDate(), note.kind(), note.notes()))
                        .toList());
    }

    static CpsSummary cps(SummaryQueries queries, Participant participant, Generated generated) {
        String id = participant.id();
        List<CpsSummary.EnrolmentStatus> enrolments = queries.enrolments(id).stream()
                .map(e -> new CpsSummary.EnrolmentStatus(e.cohort(), e.state(), e.stateOn(), e.enrolledOn()))
                .toList();
        return new CpsSummary(Audience.cps, generated, identity(participant),
                legalPosition(queries, id, generated.asOf()), queries.incidents(id),
                new CpsSummary.Engagement(attendance(queries.sessions(id)), enrolments),
                queries.latestAssessment(id).map(SummaryQueries.ConclusionRow::conclusion).orElse(null));
    }

    static CaseIdentity identity(Participant p) {
        return new CaseIdentity(p.caseRef(), p.siteCode(), p.givenName(), p.familyName(), p.dateOfBirth(), p.pncId(),
                p.nhsNumber());
    }

    static LegalPosition legalPosition(SummaryQueries queries, String id, LocalDate asOf) {
        return new LegalPosition(queries.statedLegalStatus(id).orElse(null), queries.measures(id, asOf));
    }

    /** Attendance by the one definition ({@link Attendance}), with the sessions that fall outside its rate. */
    static AttendanceFigures attendance(List<SummaryQueries.SessionRow> sessions) {
        List<SessionOutcome> outcomes = sessions.stream().map(SummaryQueries.SessionRow::outcome).toList();
        int cancelledByService = (int) outcomes.stream().filter(SessionOutcome.cancelled_by_service::equals).count();
        int awaiting = (int) outcomes.stream().filter(java.util.Objects::isNull).count();
        return new AttendanceFigures(Attendance.of(outcomes), cancelledByService, awaiting);
    }

    /** Sessions by calendar month in London, each month's attendance by the same definition. */
    static List<ProbationSummary.Month> months(List<SummaryQueries.SessionRow> sessions) {
        Map<YearMonth, List<SessionOutcome>> byMonth = new LinkedHashMap<>();
        for (SummaryQueries.SessionRow session : sessions) {
            YearMonth month = YearMonth.from(session.scheduledAt().atZone(ProgrammeClock.ZONE));
            byMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(session.outcome());
        }
        return byMonth.entrySet().stream().map(entry -> new ProbationSummary.Month(entry.getKey().toString(),
                entry.getValue().size(), Attendance.of(entry.getValue()))).toList();
    }

    static List<ProbationSummary.EnrolmentEntry> enrolments(SummaryQueries queries, String id) {
        Map<String, List<ProbationSummary.Step>> steps = new LinkedHashMap<>();
        for (SummaryQueries.StepRow step : queries.enrolmentSteps(id)) {
            steps.computeIfAbsent(step.enrolmentId(), e -> new ArrayList<>())
                    .add(new ProbationSummary.Step(step.state(), step.on(), step.reason(), step.reasonCode()));
        }
        return queries.enrolments(id).stream().map(e -> new ProbationSummary.EnrolmentEntry(e.cohort(), e.siteCode(),
                e.state(), e.stateOn(), e.enrolledOn(), steps.getOrDefault(e.id(), List.of()))).toList();
    }

    /**
     * Risk per domain at the first assessment and now. "Now" is the latest rating on the case: the latest
     * desistance review, or the latest assessment if that is later (or there is no review).
     */
    static ProbationSummary.Risk risk(Optional<SummaryQueries.RatingsRow> first,
                                      Optional<SummaryQueries.ConclusionRow> latestAssessment,
                                      Optional<SummaryQueries.ReviewRow> latestReview) {
        Optional<SummaryQueries.RatingsRow> current = latestReview.map(SummaryQueries.ReviewRow::ratings);
        if (latestAssessment.isPresent() && (current.isEmpty()
                || latestAssessment.get().assessedOn().isAfter(current.get().ratedOn()))) {
            SummaryQueries.ConclusionRow a = latestAssessment.get();
            current = Optional.of(new SummaryQueries.RatingsRow(a.assessedOn(), a.violence(), a.persistence(),
                    a.recurrence(), a.psychosocialDamage()));
        }
        List<ProbationSummary.DomainRisk> domains = List.of(
                domain("violence", first, current, SummaryQueries.RatingsRow::violence),
                domain("persistence", first, current, SummaryQueries.RatingsRow::persistence),
                domain("recurrence", first, current, SummaryQueries.RatingsRow::recurrence),
                domain("psychosocial_damage", first, current, SummaryQueries.RatingsRow::psychosocialDamage));
        return new ProbationSummary.Risk(first.map(SummaryQueries.RatingsRow::ratedOn).orElse(null),
                current.map(SummaryQueries.RatingsRow::ratedOn).orElse(null),
                latestAssessment.map(SummaryQueries.ConclusionRow::conclusion).orElse(null), domains);
    }

    private static ProbationSummary.DomainRisk domain(String name, Optional<SummaryQueries.RatingsRow> first,
                                                      Optional<SummaryQueries.RatingsRow> current,
                                                      Function<SummaryQueries.RatingsRow, RiskRating> rating) {
        RiskRating before = first.map(rating).orElse(null);
        RiskRating now = current.map(rating).orElse(null);
        return new ProbationSummary.DomainRisk(name, before, now, Movement.between(before, now));
    }
}
