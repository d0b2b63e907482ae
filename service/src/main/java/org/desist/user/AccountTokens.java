package org.desist.user;

import java.util.List;
import java.util.Optional;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.auth.SecurityEvents;
import org.desist.refusal.Refusal;
import org.desist.signin.TokenDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The bearer tokens of an account, listed and ended by their owner or by an administrator whose scope holds
 * the account. Ending tokens is audited as {@code token_revoke} on the account; ending them all also moves the
 * account's credential version, so nothing cached of it survives on any instance.
 */
public class AccountTokens {
    private final Jdbi jdbi;
    private final AccountChange changes;
    private final AuditLog audit;

    AccountTokens(Jdbi jdbi, AccountChange changes, AuditLog audit) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
    }

    public List<TokenSummary> mine(Caller caller, int limit, int offset) {
        return unexpired(caller.username(), limit, offset);
    }

    public List<TokenSummary> of(Caller admin, String username, int limit, int offset) {
        return changes.read(admin, username, (handle, accounts) -> handle.attach(TokenListDao.class)
                .unexpired(username, changes.clock().instant(), limit, offset));
    }

    /** Sign out everywhere: an owner's own, or an administrator's for an account in scope. */
    public void endAll(Caller caller, String username) {
        changes.apply(caller, username, AuditAction.token_revoke, Outcome.DONE, (handle, accounts) -> handle.attach(
                        TokenDao.class)
                .revokeAllOf(username, changes.clock().instant()));
        SecurityEvents.revoked(username, "all", whose(caller, username), caller);
    }

    private static String whose(Caller caller, String username) {
        return username.equals(caller.username()) ? "own" : "admin";
    }

    /**
     * One token, by its owner or by an administrator whose scope holds its owner. Anyone else's answers 404,
     * exactly like a token that does not exist, and the attempt is audited as denied.
     */
    public void end(Caller caller, String id) {
        Optional<String> owner = jdbi.withExtension(TokenDao.class, tokens -> tokens.owner(id));
        if (owner.isEmpty()) {
            throw new Refusal.NotFound("token", id);
        }
        String username = owner.get();
        if (!username.equals(caller.username()) && !caller.user().has(Role.admin)) {
            audit.denied(caller, AccountChange.RESOURCE, username, null, Outcome.HIDDEN);
            throw new Refusal.NotFound("token", id);
        }
        try {
            jdbi.useTransaction(handle -> {
                // the scope check of an account change, but no new credential version: the other tokens stay valid
                if (!username.equals(caller.username())
                        && !AdminScope.of(caller.user())
                                .covers(handle.attach(AccountDao.class).sites(username))) {
                    throw AdminScope.OutOfScope.hidden(new Refusal.NotFound("token", id));
                }
                handle.attach(TokenDao.class).revoke(id, changes.clock().instant());
                audit.change(
                        handle, caller, AuditAction.token_revoke, AccountChange.RESOURCE, username, null, Outcome.DONE);
            });
            SecurityEvents.revoked(username, id, whose(caller, username), caller);
        } catch (AdminScope.OutOfScope refusal) {
            audit.denied(caller, AccountChange.RESOURCE, username, null, Outcome.HIDDEN);
            throw refusal.refusal;
        }
    }

    private List<TokenSummary> unexpired(String username, int limit, int offset) {
        return jdbi.withExtension(
                TokenListDao.class,
                tokens -> tokens.unexpired(username, changes.clock().instant(), limit, offset));
    }
}
