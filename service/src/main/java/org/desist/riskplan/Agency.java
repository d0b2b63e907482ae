package org.desist.riskplan;

/** The agency that owns an action of the risk management plan. */
public enum Agency {
    police,
    probation,
    health,
    advocacy,
    cps
}
