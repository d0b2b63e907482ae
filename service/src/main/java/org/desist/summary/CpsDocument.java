package org.desist.summary;

import java.util.List;

/** The CPS summary laid out for print. It can only print what {@link CpsSummary} holds. */
final class CpsDocument {
    private CpsDocument() {}

    static SummaryDocument of(CpsSummary summary) {
        SummaryLines lines = new SummaryLines();
        SharedSections.identity(lines, "1. Identity", summary.identity());
        SharedSections.legalPosition(lines, "2. Legal position", summary.legalPosition());
        SharedSections.incidents(lines, "3. Offences and incidents", summary.incidents());
        lines.section("4. Engagement and compliance");
        SharedSections.attendance(lines, summary.engagement().attendance());
        lines.subheading("Enrolment in the programme")
                .table(
                        List.of("Cohort", "State", "Since", "Enrolled on"),
                        summary.engagement().enrolments(),
                        enrolment -> List.of(
                                enrolment.cohort(),
                                Wording.words(enrolment.state()),
                                Wording.date(enrolment.stateOn()),
                                Wording.cellDate(enrolment.enrolledOn())));
        lines.section("5. The assessment's conclusion on risk");
        RiskConclusion risk = summary.riskConclusion();
        if (risk != null) {
            lines.field("Assessed on", Wording.date(risk.assessedOn()))
                    .field("Assessment", Wording.words(risk.kind()) + ", " + Wording.words(risk.instrument()))
                    .field("Overall risk", Wording.words(risk.overallRisk()))
                    .field("Risk of violence", Wording.words(risk.riskRatings().violence()))
                    .field(
                            "Risk of persistence",
                            Wording.words(risk.riskRatings().persistence()))
                    .field(
                            "Risk of recurrence",
                            Wording.words(risk.riskRatings().recurrence()))
                    .field(
                            "Risk of psychosocial damage",
                            Wording.words(risk.riskRatings().psychosocialDamage()));
        }
        return SummaryDocument.of(
                Audience.cps,
                summary.generated(),
                summary.identity(),
                "for charging and disclosure decisions",
                lines.lines());
    }
}
