package org.desist.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.SecurityEvents;
import org.desist.refusal.Refusal;
import org.desist.signin.TokenDao;
import org.jdbi.v3.core.Jdbi;

/**
 * How an account is signed in, in one list: its browser sessions (the screens) and bearer tokens (the API),
 * each named by a public id. The owner sees and ends their own; an administrator whose scope holds the account
 * ends all of them at once. Ending is audited as {@code token_revoke} on the account, a browser session's too
 * (its cookie is a bearer credential like a token).
 */
public class AccountSessions {
    /** What makes a session or token live, as signing in checks it: the limits of the configuration. */
    public record Limits(Duration browserIdle, Duration browserAbsolute, Duration tokenIdle) {}

    private final Jdbi jdbi;
    private final AccountChange changes;
    private final AuditLog audit;
    private final Limits limits;

    AccountSessions(Jdbi jdbi, AccountChange changes, AuditLog audit, Limits limits) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
        this.limits = limits;
    }

    /** {@code inUse}: the public id of the session or token making the request, flagged as current. */
    public List<SessionSummary> mine(Caller caller, Optional<String> inUse, int limit, int offset) {
        Instant now = changes.clock().instant();
        return jdbi.withExtension(
                SessionListDao.class,
                sessions -> sessions.live(
                        caller.username(),
                        inUse.orElse(null),
                        now,
                        now.minus(limits.browserIdle()),
                        now.minus(limits.browserAbsolute()),
                        now.minus(limits.tokenIdle()),
                        limit,
                        offset));
    }

    /**
     * Ends one of the caller's own: a browser session's row goes, a token is revoked. Anyone else's answers 404
     * exactly like an unknown id (and the attempt is audited as denied), whatever the caller's roles: an
     * administrator ends another account's sessions all at once ({@link #endAll}).
     */
    public void endMine(Caller caller, String id) {
        String username = caller.username();
        Optional<String> owner = jdbi.withExtension(SessionListDao.class, sessions -> sessions.owner(id));
        if (owner.isPresent() && !owner.get().equals(username)) {
            audit.denied(caller, AccountChange.RESOURCE, owner.get(), null, Outcome.HIDDEN);
        }
        boolean ended = owner.filter(username::equals).isPresent()
                && jdbi.inTransaction(handle -> {
                    SessionListDao sessions = handle.attach(SessionListDao.class);
                    int count = sessions.endBrowserSession(id, username)
                            + sessions.revokeToken(id, username, changes.clock().instant());
                    if (count > 0) {
                        audit.change(
                                handle,
                                caller,
                                AuditAction.token_revoke,
                                AccountChange.RESOURCE,
                                username,
                                null,
                                Outcome.DONE);
                    }
                    return count > 0;
                });
        if (!ended) {
            throw new Refusal.NotFound("session", id);
        }
        SecurityEvents.revoked(username, id, "own", caller);
    }

    /**
     * An administrator's (or anyone's with the account in their scope): every browser session and token of the
     * account ends. The account's credential version moves too, so a password remembered for HTTP Basic is
     * checked afresh on every instance. 404 for an unknown account or one outside the caller's scope.
     */
    public void endAll(Caller admin, String username) {
        changes.apply(admin, username, AuditAction.token_revoke, Outcome.DONE, (handle, accounts) -> {
            handle.attach(TokenDao.class).revokeAllOf(username, changes.clock().instant());
            return handle.attach(SessionListDao.class).endBrowserSessionsOf(username);
        });
        SecurityEvents.revoked(username, "all", "admin", admin);
    }
}
