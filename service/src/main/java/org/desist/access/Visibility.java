package org.desist.access;

import java.util.Optional;
import java.util.function.Function;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.refusal.Refusal;

/**
 * Finds a case record for a caller: a record of a site outside the caller's scope is answered exactly
 * like one that does not exist (404), so nobody learns that a case exists elsewhere; the attempt is
 * audited as denied. Call it outside write transactions: a denial is committed on its own.
 */
public final class Visibility {
    private final AuditLog audit;

    public Visibility(AuditLog audit) {
        this.audit = audit;
    }

    public <T> T require(
            Caller caller,
            Optional<T> found,
            Function<T, String> siteOf,
            Function<T, String> participantOf,
            String resourceType,
            String id) {
        if (found.isEmpty()) {
            throw new Refusal.NotFound(resourceType, id);
        }
        T record = found.get();
        if (!caller.covers(siteOf.apply(record))) {
            audit.denied(caller, resourceType, id, participantOf.apply(record), Outcome.HIDDEN);
            throw new Refusal.NotFound(resourceType, id);
        }
        return record;
    }

    /** For a reference inside a request body: out of scope reads as unknown (422 on that field). */
    public <T> T requireReference(
            Caller caller,
            Optional<T> found,
            Function<T, String> siteOf,
            Function<T, String> participantOf,
            String resourceType,
            String id,
            String field,
            String unknownReason) {
        if (found.isEmpty()) {
            throw new Refusal.Invalid(field, unknownReason);
        }
        T record = found.get();
        if (!caller.covers(siteOf.apply(record))) {
            audit.denied(caller, resourceType, id, participantOf.apply(record), Outcome.HIDDEN_REFERENCE);
            throw new Refusal.Invalid(field, unknownReason);
        }
        return record;
    }
}
