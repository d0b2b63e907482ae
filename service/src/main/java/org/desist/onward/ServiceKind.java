package org.desist.onward;

/** The particular service a participant is referred on to; each belongs to one or more {@link OnwardService}s. */
public enum ServiceKind {
    community_mental_health_team,
    talking_therapies,
    inpatient,
    drug,
    alcohol,
    housing,
    employment,
    domestic_abuse_programme,
    other
}
