package org.desist.audit;

/** What an audited access did. Spelled as on the wire and in the database. */
public enum AuditAction {
    read,
    create,
    update,
    export,
    denied,
    /** A sign-in refused (wrong password, unknown account, throttled): resource "account", id the name tried. */
    sign_in_failed,
    /** Account administration and self-service, resource "account", id the account acted on. */
    enable,
    disable,
    access_change,
    password_reset,
    password_change,
    token_revoke,
    /** An account read far more case data in a day than its usual (quota.UnusualReading): resource "account". */
    unusual_reading,
    /** A document handed out (a PDF or an export): the row names the recipient, the purpose and the bytes' SHA-256. */
    disclose,
    /** A case at another site opened, or read, under break-glass, with the reason as the purpose. */
    break_glass,
    /** Retention decisions of the data protection officer: retain until a date, dispose. */
    retain,
    dispose,
    legal_hold,
    legal_hold_lift,
    /** Restriction of processing of a case set, and lifted. */
    restrict,
    restriction_lift
}
