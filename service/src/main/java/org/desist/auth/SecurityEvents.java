package org.desist.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication events, one line each on the logger {@value #LOGGER} (so an operator can route them on their
 * own, to a separate log system): sign-ins right and wrong, tokens issued, refused and revoked. Each line names
 * the event, the account (or the name tried), the token's or session's public id (never the token, the cookie or
 * their hashes), the client's address and the request's id, as {@code key=value} pairs; user text is made
 * log-safe. The audit chain holds the same facts durably; these lines are for watching them as they happen.
 */
public final class SecurityEvents {
    public static final String LOGGER = "org.desist.security";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private SecurityEvents() {}

    /** {@code method}: password, second_factor, identity_provider, token_issue. */
    public static void signedIn(String method, String account, String address, String requestId) {
        LOG.info(line("sign_in", account, null, address, requestId, "method", method));
    }

    /** {@code nameTried}: null when nothing names an account (a bearer token nobody issued). */
    public static void signInFailed(String method, String nameTried, String why, String address, String requestId) {
        LOG.warn(line("sign_in_failed", nameTried, null, address, requestId, "method", method, "reason", why));
    }

    public static void tokenIssued(String account, String tokenId, String address, String requestId) {
        LOG.info(line("token_issue", account, tokenId, address, requestId));
    }

    /** A token that exists but is no longer live. {@code why}: revoked, expired, idle, disabled. */
    public static void tokenRefused(String account, String tokenId, String why, String address, String requestId) {
        LOG.warn(line("token_refused", account, tokenId, address, requestId, "reason", why));
    }

    /**
     * Tokens or browser sessions ended. {@code id}: the one ended, or "all"; {@code why}: own, admin, cap,
     * disabled.
     */
    public static void revoked(String account, String id, String why, Caller by) {
        LOG.info(line(
                "token_revoke",
                account,
                id,
                by == null ? null : by.clientAddress(),
                by == null ? null : by.requestId(),
                "reason",
                why,
                "by",
                by == null ? null : by.username()));
    }

    private static String line(
            String event, String account, String tokenId, String address, String requestId, String... more) {
        StringBuilder line = new StringBuilder("event=").append(event);
        field(line, "account", account);
        field(line, "tokenId", tokenId);
        for (int i = 0; i + 1 < more.length; i += 2) {
            field(line, more[i], more[i + 1]);
        }
        field(line, "address", address);
        field(line, "requestId", requestId);
        return line.toString();
    }

    private static void field(StringBuilder line, String key, String value) {
        String safe = value == null ? "-" : LogSafe.text(value).replace(' ', '_');
        line.append(' ').append(key).append('=').append(safe.isEmpty() ? "-" : safe);
    }
}
