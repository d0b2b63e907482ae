package org.desist.risk;

/** A Stalking Risk Profile domain's rating. */
public enum RiskRating {
    low,
    moderate,
    high
}
