package org.desist.secondfactor;

import java.util.function.Consumer;
import org.desist.audit.AuditAction;
import org.desist.auth.Caller;
import org.jdbi.v3.core.Handle;

/**
 * An administrator's change to an account, made the way the accounts package makes every one: within the
 * administrator's scope (an account outside it is 404, audited as denied), moving the account's credential
 * version so every instance stops trusting what it knew, audited in the same transaction.
 */
@FunctionalInterface
public interface AdministeredChange {
    void apply(Caller admin, String username, AuditAction action, Consumer<Handle> change);
}
