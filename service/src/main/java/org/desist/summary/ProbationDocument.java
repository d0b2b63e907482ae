package org.desist.summary;

import java.util.List;
import java.util.Optional;
import org.desist.risk.RiskRatings;
import org.desist.riskplan.PlanActionState;
import org.desist.session.Attendance;

/** The probation summary laid out for print, section by section. */
final class ProbationDocument {
    private ProbationDocument() {}

    static SummaryDocument of(ProbationSummary summary) {
        SummaryLines lines = new SummaryLines();
        NowSection.print(lines, summary);
        SharedSections.identity(lines, "1. Identity", summary.identity());
        SharedSections.legalPosition(lines, "2. Legal position", summary.legalPosition());
        referrals(lines, summary.referrals());
        enrolments(lines, summary.enrolments());
        risk(lines, summary.risk());
        lines.section("6. Attendance");
        SharedSections.attendance(lines, summary.attendance());
        lines.subheading("Sessions by month")
                .table(
                        List.of("Month", "Sessions", "Attended of offered", "Did not attend"),
                        summary.sessionsByMonth(),
                        month -> List.of(
                                Wording.month(month.month()),
                                String.valueOf(month.sessions()),
                                attended(month.attendance()),
                                String.valueOf(month.attendance().didNotAttend())));
        lines.section("7. Onward referrals")
                .table(
                        List.of("Service", "Provider", "Made on", "State"),
                        summary.onwardReferrals(),
                        referral -> List.of(
                                Wording.words(referral.kind()) + " ("
                                        + Wording.words(referral.service()).toLowerCase() + ")",
                                referral.provider(),
                                Wording.date(referral.madeOn()),
                                Wording.words(referral.state()) + " " + Wording.date(referral.stateOn())));
        plan(lines, summary.riskPlan());
        SharedSections.incidents(lines, "9. Incidents", summary.incidents());
        lines.section("10. Concerns");
        NowSection.concerns(lines, summary.concerns());
        review(lines, summary.latestReview());
        lines.section("12. Session notes marked shareable");
        summary.shareableNotes()
                .forEach(note -> lines.paragraph(
                        Wording.date(note.on()) + " \u2014 " + Wording.words(note.kind()), note.notes()));
        return SummaryDocument.of(
                Audience.probation,
                summary.generated(),
                summary.identity(),
                "for supervision, parole or breach hearings",
                lines.lines());
    }

    private static void referrals(SummaryLines lines, List<ProbationSummary.ReferralEntry> referrals) {
        lines.section("3. Referral and priority");
        Optional<ProbationSummary.ReferralEntry> reviewed = referrals.stream()
                .filter(referral -> referral.priority() != null)
                .reduce((first, second) -> second);
        lines.field(
                "Priority",
                reviewed.map(latest -> Wording.words(latest.priority())).orElse("Not set: awaiting the daily review"));
        reviewed.ifPresent(latest -> lines.field(
                        "Daily review", Wording.words(latest.decision()) + ", " + Wording.date(latest.reviewedOn()))
                .field(
                        "S-DASH screening",
                        latest.screeningYesAnswers() == null
                                ? "Not answered"
                                : latest.screeningYesAnswers() + " of 11 questions answered yes"));
        lines.table(
                List.of("Received", "Source", "Priority", "Daily review"),
                referrals,
                referral -> List.of(
                        Wording.date(referral.receivedOn()),
                        Wording.words(referral.source()),
                        Wording.cell(referral.priority()),
                        referral.decision() == null
                                ? "Awaiting review"
                                : Wording.words(referral.decision()) + ", " + Wording.date(referral.reviewedOn())));
    }

    private static void enrolments(SummaryLines lines, List<ProbationSummary.EnrolmentEntry> enrolments) {
        lines.section("4. Enrolment");
        for (ProbationSummary.EnrolmentEntry enrolment : enrolments) {
            lines.subheading(enrolment.cohort() + " (" + enrolment.siteName() + ")")
                    .field("State", Wording.words(enrolment.state()) + " since " + Wording.date(enrolment.stateOn()))
                    .field(
                            "Enrolled on",
                            enrolment.enrolledOn() == null ? "Not yet enrolled" : Wording.date(enrolment.enrolledOn()))
                    .table(
                            List.of("Date", "State", "Reason code", "Reason"),
                            enrolment.history(),
                            step -> List.of(
                                    Wording.date(step.on()),
                                    Wording.words(step.state()),
                                    step.reasonCode() == null ? Wording.DASH : step.reasonCode(),
                                    step.reason() == null ? Wording.DASH : step.reason()));
        }
    }

    private static void risk(SummaryLines lines, ProbationSummary.Risk risk) {
        lines.section("5. Risk (Stalking Risk Profile domains)");
        if (risk.firstAssessedOn() == null) {
            lines.none();
            return;
        }
        lines.field("First assessed", Wording.date(risk.firstAssessedOn()))
                .field("Current ratings as of", Wording.date(risk.currentAsOf()));
        if (risk.latestAssessment() != null) {
            RiskConclusion latest = risk.latestAssessment();
            lines.field(
                    "Overall risk",
                    Wording.words(latest.overallRisk()) + " ("
                            + Wording.words(latest.kind()).toLowerCase() + " assessment, "
                            + Wording.words(latest.instrument()) + ", "
                            + Wording.date(latest.assessedOn()) + ")");
        }
        lines.table(
                List.of("Domain", "At first assessment", "Current", "Trend"),
                risk.domains(),
                domain -> List.of(
                        Wording.words(domain.domain()),
                        Wording.cell(domain.atFirstAssessment()),
                        Wording.cell(domain.current()),
                        Wording.cell(domain.trend())));
    }

    private static void plan(SummaryLines lines, List<ProbationSummary.PlanEntry> plan) {
        long open = plan.stream()
                .filter(action -> action.state() == PlanActionState.open)
                .count();
        long overdue = plan.stream().filter(ProbationSummary.PlanEntry::overdue).count();
        lines.section("8. Risk management plan");
        if (!plan.isEmpty()) {
            lines.field("Open actions", open + (overdue == 0 ? "" : ", of which " + overdue + " overdue"));
        }
        lines.table(
                List.of("Owner (agency)", "Due / review", "State", "Action"),
                plan,
                action -> List.of(
                        action.owner() + " (" + Wording.words(action.agency()) + ")",
                        Wording.date(action.dueOn()) + " / " + Wording.date(action.reviewOn()),
                        action.overdue()
                                ? "OVERDUE"
                                : Wording.words(action.state())
                                        + (action.closedOn() == null ? "" : " " + Wording.date(action.closedOn())),
                        action.action()),
                ProbationSummary.PlanEntry::overdue);
    }

    private static void review(SummaryLines lines, ProbationSummary.LatestReview review) {
        lines.section("11. Latest desistance review");
        if (review == null) {
            return;
        }
        RiskRatings ratings = review.riskRatings();
        lines.field("Reviewed on", Wording.date(review.reviewedOn()))
                .field(
                        "Risk ratings",
                        "Violence " + ratings.violence() + "; persistence " + ratings.persistence()
                                + "; recurrence " + ratings.recurrence() + "; psychosocial damage "
                                + ratings.psychosocialDamage())
                .field("Fixation and obsession", review.fixation() + " of 10")
                .field(
                        "Contact with the victim since the last review",
                        Wording.yesNo(review.victimContactSinceLastReview()))
                .field("Engagement", review.engagement() + " of 5");
    }

    private static String attended(Attendance attendance) {
        return attendance.attended() + " of " + attendance.offered() + " (" + Wording.percent(attendance.rate()) + ")";
    }
}
