package org.desist.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.desist.crypto.RandomKeys;

/**
 * One secret that seals audit rows (HMAC-SHA256), and its id: a fingerprint derived from the key by the key
 * itself, so the id names the key in the database without telling anything about it.
 */
public final class AuditKey {
    /** The least a previous key (one that only verifies) may be: what keys had to be before they had to be random. */
    public static final int MIN_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final String id;

    private AuditKey(String key) {
        this.secret = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.id = HexFormat.of().formatHex(raw("desist audit key id"), 0, 8);
    }

    /**
     * A key that seals, from its text: refused (naming where it came from, never the value) unless it is a random
     * key of at least 256 bits ({@link RandomKeys}).
     */
    public static AuditKey of(String key, String source) {
        RandomKeys.weakness(key).ifPresent(reason -> {
            throw new IllegalArgumentException(source + " " + reason);
        });
        return previous(key, source);
    }

    /**
     * A key that only verifies rows sealed before a rotation: it may be of the older kind (any text of at least
     * {@link #MIN_LENGTH} characters), so chains sealed before keys had to be random still verify.
     */
    static AuditKey previous(String key, String source) {
        if (key == null || key.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(source + " must be at least " + MIN_LENGTH + " characters long");
        }
        if (key.contains(",")) {
            throw new IllegalArgumentException(source + " must not contain a comma: commas separate previous keys");
        }
        return new AuditKey(key.strip());
    }

    /** Whether this key's text is a random key of at least 256 bits. */
    static boolean random(String key) {
        return RandomKeys.weakness(key).isEmpty();
    }

    public String id() {
        return id;
    }

    /** The MAC of a text, as lowercase hex. */
    public String mac(String content) {
        return HexFormat.of().formatHex(raw(content));
    }

    private byte[] raw(String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "audit key " + id;
    }
}
