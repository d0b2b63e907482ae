package org.desist.assessment;

/** Who assessed, and to what end: a psychiatric or psychological assessment, or a structured risk assessment. */
public enum AssessmentKind {
    psychiatric,
    psychological,
    risk
}
