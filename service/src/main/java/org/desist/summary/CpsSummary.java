package org.desist.summary;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.desist.enrolment.EnrolmentState;

/**
 * What the CPS reads for charging and disclosure decisions: identity, legal position, incidents,
 * engagement and compliance, and the assessment's conclusion on risk. No therapeutic content: no
 * formulation, session note, diagnosis, substance detail or narrative is loaded to build it.
 */
public record CpsSummary(
        @Schema(implementation = String.class, allowableValues = "cps", requiredMode = Schema.RequiredMode.REQUIRED)
        Audience audience,

        Generated generated,
        CaseIdentity identity,
        LegalPosition legalPosition,
        List<IncidentEntry> incidents,
        Engagement engagement,
        @Schema(nullable = true) RiskConclusion riskConclusion)
        implements CaseSummary {

    @Override
    public SummaryDocument document() {
        return CpsDocument.of(this);
    }

    /** Engagement and compliance: attendance figures and where the participant stands in the programme. */
    public record Engagement(AttendanceFigures attendance, List<EnrolmentStatus> enrolments) {}

    public record EnrolmentStatus(
            String cohort,
            EnrolmentState state,
            LocalDate stateOn,
            @Schema(nullable = true) LocalDate enrolledOn) {}
}
