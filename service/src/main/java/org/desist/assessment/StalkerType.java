package org.desist.assessment;

/** Mullen's typology of stalkers, by the motivation behind the behaviour. Health detail: not for every reader. */
public enum StalkerType {
    rejected,
    resentful,
    intimacy_seeking,
    incompetent_suitor,
    predatory
}
