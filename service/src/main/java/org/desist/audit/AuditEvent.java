package org.desist.audit;

import java.time.Instant;
import org.desist.auth.Caller;

/**
 * One access to case data or to an account, before it is chained: who, as what, from where, did what to which
 * record, and why. {@code status} is the stored form of its {@link Outcome}. A disclosure also names its
 * recipient and the SHA-256 of the bytes sent; every other row leaves both null.
 */
public record AuditEvent(
        Instant at,
        String username,
        String role,
        AuditAction action,
        String resourceType,
        String resourceId,
        String participantId,
        int status,
        String requestId,
        String purpose,
        String clientAddress,
        String recipient,
        String contentSha256) {

    /** Any row but a disclosure's: no recipient, no content hash. */
    public AuditEvent(
            Instant at,
            String username,
            String role,
            AuditAction action,
            String resourceType,
            String resourceId,
            String participantId,
            int status,
            String requestId,
            String purpose,
            String clientAddress) {
        this(
                at,
                username,
                role,
                action,
                resourceType,
                resourceId,
                participantId,
                status,
                requestId,
                purpose,
                clientAddress,
                null,
                null);
    }

    public static AuditEvent of(
            Caller caller,
            Instant at,
            AuditAction action,
            String resourceType,
            String resourceId,
            String participantId,
            Outcome outcome) {
        return new AuditEvent(
                at,
                caller.username(),
                caller.user().roleLabel(),
                action,
                resourceType,
                resourceId,
                participantId,
                outcome.stored(),
                caller.requestId(),
                caller.purpose(),
                caller.clientAddress());
    }
}
