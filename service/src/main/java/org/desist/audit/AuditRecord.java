package org.desist.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A row of the audit log as stored: the event, its place in the chain and the seals (keyed since issue 12) that bind it. */
public record AuditRecord(
        long seq,
        Instant at,
        String username,
        String role,
        AuditAction action,
        String resourceType,
        @Schema(nullable = true) String resourceId,
        @Schema(nullable = true) String participantId,
        int status,
        String requestId,
        @Schema(nullable = true) String purpose,

        @Schema(nullable = true, description = "The client's address, where it matters: sign-ins and account actions")
        String clientAddress,

        String prevHash,
        String hash,

        @Schema(
                nullable = true,
                description = "The fingerprint of the audit key that sealed the row (never the key);"
                        + " null for rows sealed before the audit log was keyed")
        String keyId,

        @Schema(nullable = true, description = "A disclosure's recipient: name, organisation")
        String recipient,

        @Schema(nullable = true, description = "A disclosure's hex SHA-256 of the exact bytes sent")
        String contentSha256) {

    AuditEvent event() {
        return new AuditEvent(
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
                recipient,
                contentSha256);
    }
}
