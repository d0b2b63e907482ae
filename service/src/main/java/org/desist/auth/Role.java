package org.desist.auth;

/** The roles staff hold (see docs/access.md). Spelled as on the wire and in the database. */
public enum Role {
    clinician,
    probation,
    cps,
    programme_lead,
    advocate,
    police,
    admin,
    /**
     * The data protection officer: retention reviews and disposal, legal holds, restriction of processing, the
     * disclosure ledger (docs/data-protection.md). Separate from admin, who resets passwords and so could
     * otherwise both get into an account and erase what it did.
     */
    dpo;

    /** Programme leads, administrators and the data protection officer may hold no site, meaning every site. */
    public boolean maySpanSites() {
        return this == programme_lead || this == admin || this == dpo;
    }
}
