package org.desist.auth;

/** The roles staff hold (see docs/access.md). Spelled as on the wire and in the database. */
public enum Role {
    clinician,
    probation,
    cps,
    programme_lead,
    advocate,
    police,
    admin;

    /** Programme leads and administrators may hold no site, meaning every site. */
    public boolean maySpanSites() {
        return this == programme_lead || this == admin;
    }
}
