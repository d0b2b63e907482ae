package org.desist.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.desist.db.IsoTimeColumns;

/**
 * The seal on each audit row: SHA-256 over the row's content and the previous row's hash. Every field
 * is length-prefixed, so no choice of values can make two different rows hash alike.
 */
public final class AuditHash {
    public static final String GENESIS = "genesis";

    private AuditHash() {
    }

    public static String of(long seq, AuditEvent event, String prevHash) {
        StringBuilder content = new StringBuilder();
        field(content, Long.toString(seq));
        field(content, IsoTimeColumns.format(event.at()));
        field(content, event.username());
        field(content, event.role());
        field(content, event.action().name());
        field(content, event.resourceType());
        field(content, event.resourceId());
        field(content, event.participantId());
        field(content, Integer.toString(event.status()));
        field(content, event.requestId());
        field(content, event.purpose());
        if (event.clientAddress() != null) { // rows written before addresses were kept seal as they always did
            field(content, event.clientAddress());
        }
        field(content, prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void field(StringBuilder content, String value) {
        if (value == null) {
            content.append("-1:");
        } else {
            content.append(value.length()).append(':').append(value);
        }
        content.append(';');
    }
}
