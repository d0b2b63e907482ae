package org.desist.session;

/** What sort of contact the session is. */
public enum SessionKind {
    individual_therapy,
    group_therapy,
    psychiatric_review,
    nurse_contact,
    case_consultation
}
