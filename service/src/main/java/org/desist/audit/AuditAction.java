package org.desist.audit;

/** What an audited access did. Spelled as on the wire and in the database. */
public enum AuditAction {
    read,
    create,
    update,
    export,
    denied
}
