package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.desist.readmodel.CaseRows.PARTICIPANT;

import java.time.Instant;
import java.time.LocalDate;
import org.desist.assessment.AssessmentKind;
import org.desist.assessment.Instrument;
import org.desist.enrolment.EnrolmentState;
import org.desist.incident.IncidentKind;
import org.desist.incident.IncidentSource;
import org.desist.legal.LegalMeasureKind;
import org.desist.onward.OnwardService;
import org.desist.onward.ServiceKind;
import org.desist.onward.ServiceReferralState;
import org.desist.referral.Priority;
import org.desist.referral.ReferralSource;
import org.desist.referral.TriageDecision;
import org.desist.risk.RiskRating;
import org.desist.riskplan.Agency;
import org.desist.riskplan.PlanActionState;
import org.desist.session.SessionKind;
import org.desist.session.SessionOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each of the case summaries' queries on a migrated database: the live records, never those entered in error. */
class SummaryQueriesTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    private static final LocalDate JAN_10 = LocalDate.parse("2026-01-10");
    private static CaseRows rows;
    /** Each call on its own handle. */
    private static SummaryQueries reads;

    @BeforeAll
    static void writeCase() throws Exception {
        rows = CaseRows.twinned();
        reads = rows.jdbi().onDemand(SummaryQueries.class);
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    @Test
    void the_site_referrals_and_enrolments() {
        assertThat(reads.siteName(CaseRows.SITE)).isEqualTo("London");
        assertThat(reads.statedLegalStatus(PARTICIPANT)).contains("Released under investigation");
        assertThat(reads.referrals(PARTICIPANT))
                .containsExactly(new SummaryQueries.ReferralRow(
                        LocalDate.parse("2026-01-03"),
                        ReferralSource.police,
                        Priority.high,
                        TriageDecision.accept_for_intervention,
                        LocalDate.parse("2026-01-04"),
                        null));
        assertThat(reads.enrolments(PARTICIPANT))
                .containsExactly(new SummaryQueries.EnrolmentRow(
                        "enr-1",
                        "London 2026",
                        CaseRows.SITE,
                        "London",
                        EnrolmentState.enrolled,
                        LocalDate.parse("2026-01-20"),
                        LocalDate.parse("2026-01-20")));
        assertThat(reads.enrolmentSteps(PARTICIPANT))
                .containsExactly(
                        new SummaryQueries.StepRow(
                                "enr-1",
                                EnrolmentState.referred,
                                LocalDate.parse("2026-01-05"),
                                "accepted at review",
                                null),
                        new SummaryQueries.StepRow(
                                "enr-1", EnrolmentState.enrolled, LocalDate.parse("2026-01-20"), "consented", null));
    }

    @Test
    void legal_measures_are_the_live_ones_with_whether_each_is_in_force() {
        assertThat(reads.measures(PARTICIPANT, TODAY))
                .containsExactly(new SummaryQueries.MeasureRow(
                        LegalMeasureKind.restraining_order, LocalDate.parse("2025-12-01"), null, "no contact", true));
    }

    @Test
    void sessions_the_next_one_concerns_and_shareable_notes_are_the_live_ones() {
        assertThat(reads.sessions(PARTICIPANT))
                .containsExactly(
                        new SummaryQueries.SessionRow(Instant.parse("2026-02-03T10:00:00Z"), SessionOutcome.attended),
                        new SummaryQueries.SessionRow(Instant.parse("2026-06-01T10:00:00Z"), null));
        assertThat(reads.nextSession(PARTICIPANT, Instant.parse("2026-03-01T00:00:00Z")))
                .contains(new SummaryQueries.NextSessionRow(
                        Instant.parse("2026-06-01T10:00:00Z"), SessionKind.individual_therapy, "Dr F"));
        assertThat(reads.sessionConcerns(PARTICIPANT))
                .containsExactly(new SummaryQueries.SessionConcernRow(
                        Instant.parse("2026-02-03T10:00:00Z"), "dr.f", "talked of driving past"));
        assertThat(reads.shareableNotes(PARTICIPANT))
                .containsExactly(new SummaryQueries.NoteRow(
                        Instant.parse("2026-02-03T10:00:00Z"),
                        SessionKind.individual_therapy,
                        "spoke about the order"));
    }

    @Test
    void victim_safety_concerns_are_the_live_ones() {
        assertThat(reads.victimSafetyConcerns(PARTICIPANT))
                .containsExactly(new SummaryQueries.VictimSafetyRow(
                        LocalDate.parse("2026-02-05"), "clinician", "messages to the victim's sister", "police told"));
    }

    @Test
    void the_first_and_latest_assessment_and_the_latest_review_are_live_ones() {
        assertThat(reads.firstAssessment(PARTICIPANT))
                .contains(new SummaryQueries.RatingsRow(
                        JAN_10, RiskRating.moderate, RiskRating.high, RiskRating.high, RiskRating.moderate));
        assertThat(reads.latestAssessment(PARTICIPANT))
                .contains(new SummaryQueries.ConclusionRow(
                        JAN_10,
                        AssessmentKind.risk,
                        Instrument.SRP,
                        RiskRating.high,
                        RiskRating.moderate,
                        RiskRating.high,
                        RiskRating.high,
                        RiskRating.moderate));
        assertThat(reads.latestReview(PARTICIPANT))
                .contains(new SummaryQueries.ReviewRow(
                        LocalDate.parse("2026-04-10"),
                        RiskRating.low,
                        RiskRating.moderate,
                        RiskRating.moderate,
                        RiskRating.low,
                        4,
                        false,
                        4));
    }

    @Test
    void onward_referrals_the_plan_and_incidents_are_the_live_ones() {
        assertThat(reads.onwardReferrals(PARTICIPANT))
                .containsExactly(new SummaryQueries.OnwardRow(
                        OnwardService.mental_health,
                        ServiceKind.talking_therapies,
                        "NHS Talking Therapies",
                        LocalDate.parse("2026-02-01"),
                        ServiceReferralState.made,
                        LocalDate.parse("2026-02-01")));
        assertThat(reads.riskPlan(PARTICIPANT, TODAY))
                .containsExactly(new SummaryQueries.PlanRow(
                        "check the order is kept",
                        Agency.police,
                        "PC B",
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-02-15"),
                        PlanActionState.open,
                        null,
                        true));
        assertThat(reads.incidents(PARTICIPANT))
                .containsExactly(new SummaryQueries.IncidentRow(
                        LocalDate.parse("2026-03-01"),
                        IncidentKind.contact_with_victim,
                        IncidentSource.police,
                        "seen outside the victim's workplace"));
    }
}
