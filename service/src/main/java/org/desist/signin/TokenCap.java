package org.desist.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.jdbi.v3.core.Handle;

/**
 * At most {@code maxPerAccount} live bearer tokens per account: before one more is written, the account's oldest
 * live ones are revoked so the new one fits, audited as {@code token_revoke} on the account. Runs inside the
 * issuing transaction after the account's row is locked ({@link Credentials#holdAtVersion}), so issues at once,
 * on any instance, take turns and never leave more than the cap live.
 */
public class TokenCap {
    private static final String RESOURCE = "account";

    private final int maxPerAccount;
    private final Duration idle;
    private final AuditLog audit;

    public TokenCap(int maxPerAccount, Duration idle, AuditLog audit) {
        this.maxPerAccount = maxPerAccount;
        this.idle = idle;
        this.audit = audit;
    }

    /** The ids it revoked, oldest last: for the caller to log once the transaction commits. */
    List<String> makeRoom(Handle handle, Caller owner, Instant now) {
        TokenDao tokens = handle.attach(TokenDao.class);
        List<String> live = tokens.liveNewestFirst(owner.username(), now, now.minus(idle));
        if (live.size() < maxPerAccount) {
            return List.of();
        }
        List<String> oldest = live.subList(maxPerAccount - 1, live.size());
        oldest.forEach(id -> tokens.revoke(id, now));
        audit.change(handle, owner, AuditAction.token_revoke, RESOURCE, owner.username(), null, Outcome.DONE);
        return List.copyOf(oldest);
    }
}
