package org.desist.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.desist.db.IsoTimeColumns;

/**
 * The seals on the audit chain. Every field is length-prefixed, so no choice of values can make two different
 * rows seal alike. {@link #sealed} and {@link #head} are keyed (HMAC-SHA256): without the key nobody can reseal
 * an edited row or move the head. {@link #of} is the unkeyed SHA-256 that rows written before the key still carry,
 * and that anyone could recompute: it is only ever checked, never written.
 */
public final class AuditHash {
    public static final String GENESIS = "genesis";
    private static final String ROW = "desist audit row v2";
    private static final String HEAD = "desist audit head v2";
    private static final String DISCLOSURE = "disclosure";

    private AuditHash() {}

    /** The keyed seal of a row: every field of the event, its place, the key's id and the previous row's seal. */
    public static String sealed(AuditKey key, long seq, AuditEvent event, String prevHash) {
        StringBuilder content = new StringBuilder();
        field(content, ROW);
        field(content, key.id());
        event(content, seq, event);
        field(content, event.clientAddress());
        if (event.recipient() != null || event.contentSha256() != null) {
            // only a disclosure names these: every row before them seals exactly as it always did
            field(content, DISCLOSURE);
            field(content, event.recipient());
            field(content, event.contentSha256());
        }
        field(content, prevHash);
        return key.mac(content.toString());
    }

    /** The head's seal: which row is last, and its seal. */
    public static String head(AuditKey key, long lastSeq, String lastHash) {
        StringBuilder content = new StringBuilder();
        field(content, HEAD);
        field(content, key.id());
        field(content, Long.toString(lastSeq));
        field(content, lastHash);
        return key.mac(content.toString());
    }

    /** The unkeyed SHA-256 of a row written before the audit key, exactly as that code sealed it. */
    public static String of(long seq, AuditEvent event, String prevHash) {
        StringBuilder content = new StringBuilder();
        event(content, seq, event);
        if (event.clientAddress() != null) { // rows written before addresses were kept seal as they always did
            field(content, event.clientAddress());
        }
        field(content, prevHash);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Two seals alike, compared in time that does not depend on where they differ. */
    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void event(StringBuilder content, long seq, AuditEvent event) {
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
