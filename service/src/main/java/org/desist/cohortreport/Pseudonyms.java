package org.desist.cohortreport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.desist.crypto.RandomKeys;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/**
 * Stable pseudonyms for the evaluation export: HMAC-SHA256 of the participant's internal id, keyed with
 * a secret from configuration (pseudonymKey, DESIST_PSEUDONYM_KEY). The same participant gets the same
 * pseudonym in every export made with the same key, so evaluators can join exports; without the key
 * nobody can go from a pseudonym back to the participant, nor test a guess. There is no default key:
 * without one, or with one that is not a random key of 256 bits ({@link RandomKeys}: a typed phrase could be
 * guessed, and with it every pseudonym tested), the export is refused with 503 naming the setting and why.
 */
public final class Pseudonyms {
    static final String SETTING = "pseudonymKey";
    static final String ENVIRONMENT = "DESIST_PSEUDONYM_KEY";

    private final SecretKeySpec key;
    private final String problem;

    public Pseudonyms(String secret) {
        problem = RandomKeys.weakness(secret).orElse(null);
        key = problem == null ? new SecretKeySpec(secret.strip().getBytes(StandardCharsets.UTF_8), "HmacSHA256") : null;
    }

    /** Why the key is not usable (never quoting it), or null when it is. */
    public String problem() {
        return problem;
    }

    public boolean configured() {
        return key != null;
    }

    /** Refuses (503) unless a usable key is configured. */
    void require() {
        if (key == null) {
            throw new Refusal.Unavailable(
                    "The evaluation export needs a pseudonym key: set "
                            + SETTING + " (environment " + ENVIRONMENT + ") to base64 of at least "
                            + RandomKeys.MIN_BYTES + " random bytes: " + SETTING + " " + problem,
                    List.of(new FieldReason(SETTING, problem)));
        }
    }

    /** 32 hex characters (128 bits of the HMAC): the participant's pseudonym. */
    String of(String participantId) {
        require();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("participant:" + participantId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
