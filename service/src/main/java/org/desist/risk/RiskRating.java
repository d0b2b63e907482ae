package org.desist.risk;

/** A rating of one Stalking Risk Profile domain, as an assessment or a desistance review gives it. */
public enum RiskRating {
    low,
    moderate,
    high
}
