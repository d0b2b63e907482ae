package org.desist.user;

import java.time.Clock;
import java.util.function.BiFunction;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One change to one account, the way every account change is made: in one transaction that first moves the
 * account's credential version (every instance then stops trusting what it cached; on PostgreSQL the row lock
 * queues changes to one account), checks the caller's scope, makes the change and appends its audit row. An
 * account outside the caller's scope answers 404 exactly like one that does not exist, and the attempt is
 * audited as denied after the transaction has rolled back; so is a grant the caller may not make (403).
 */
final class AccountChange {
    static final String RESOURCE = "account";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;

    AccountChange(Jdbi jdbi, Clock clock, AuditLog audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
    }

    Clock clock() {
        return clock;
    }

    <T> T apply(
            Caller caller,
            String username,
            AuditAction action,
            Outcome outcome,
            BiFunction<Handle, AccountDao, T> change) {
        return apply(caller, username, action, outcome, true, change);
    }

    /**
     * As {@link #apply}, but for what is no credential nor right (the email address for alerts): the credential
     * version stays, so the account's sessions and tokens go on working.
     */
    <T> T applyToDetails(
            Caller caller,
            String username,
            AuditAction action,
            Outcome outcome,
            BiFunction<Handle, AccountDao, T> change) {
        return apply(caller, username, action, outcome, false, change);
    }

    private <T> T apply(
            Caller caller,
            String username,
            AuditAction action,
            Outcome outcome,
            boolean newCredentials,
            BiFunction<Handle, AccountDao, T> change) {
        T result;
        try {
            result = jdbi.inTransaction(handle -> {
                AccountDao accounts = handle.attach(AccountDao.class);
                boolean exists = newCredentials
                        ? accounts.moveCredentialVersion(username, clock.instant()) == 1
                        : accounts.find(username).isPresent();
                if (!exists) {
                    throw notFound(username);
                }
                if (!AdminScope.of(caller.user()).covers(accounts.sites(username))) {
                    throw AdminScope.OutOfScope.hidden(notFound(username));
                }
                T changed = change.apply(handle, accounts);
                audit.change(handle, caller, action, RESOURCE, username, null, outcome);
                return changed;
            });
        } catch (AdminScope.OutOfScope refusal) {
            audit.denied(caller, RESOURCE, username, null, refusal.outcome);
            throw refusal.refusal;
        }
        return result;
    }

    /** Reads an account the caller may administer: 404 (audited as denied when it exists elsewhere) if not. */
    <T> T read(Caller caller, String username, BiFunction<Handle, AccountDao, T> read) {
        return jdbi.withHandle(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            if (accounts.find(username).isEmpty()) {
                throw notFound(username);
            }
            if (!AdminScope.of(caller.user()).covers(accounts.sites(username))) {
                audit.denied(caller, RESOURCE, username, null, Outcome.HIDDEN);
                throw notFound(username);
            }
            return read.apply(handle, accounts);
        });
    }

    static Refusal.NotFound notFound(String username) {
        return new Refusal.NotFound("account", username);
    }
}
