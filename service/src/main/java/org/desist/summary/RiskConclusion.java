package org.desist.summary;

import java.time.LocalDate;
import org.desist.assessment.AssessmentKind;
import org.desist.assessment.Instrument;
import org.desist.risk.RiskRating;
import org.desist.risk.RiskRatings;

/** The latest assessment's conclusion on risk: its overall rating and the four domains. Nothing clinical besides. */
public record RiskConclusion(
        LocalDate assessedOn,
        AssessmentKind kind,
        Instrument instrument,
        RiskRating overallRisk,
        RiskRatings riskRatings) {}
