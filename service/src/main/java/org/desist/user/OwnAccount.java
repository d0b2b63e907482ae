package org.desist.user;

import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.Passwords;
import org.desist.signin.SignInThrottle;
import org.desist.signin.TokenDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Self-service: a member of staff changes their own password. The current password is required even from a
 * caller who signed in with it, so that a stolen token cannot lock its owner out; a wrong one is 403 naming
 * the field and audited as denied. A change ends every token of the account (the current one too: a password
 * is changed when it may be known to someone else) and clears a temporary password.
 */
public class OwnAccount {
    private final Jdbi jdbi;
    private final AccountChange changes;
    private final AuditLog audit;

    private final SignInThrottle throttle;
    private final SecondFactors secondFactors;

    OwnAccount(Jdbi jdbi, AccountChange changes, AuditLog audit, SignInThrottle throttle, SecondFactors secondFactors) {
        this.throttle = throttle;
        this.secondFactors = secondFactors;
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
    }

    public void changePassword(Caller caller, PasswordChange change) {
        String weakness = PasswordContext.weakness(jdbi, caller.username(), change.newPassword());
        if (weakness != null) {
            throw new Refusal.Invalid("newPassword", weakness);
        }
        if (change.newPassword().equals(change.currentPassword())) {
            throw new Refusal.Invalid("newPassword", "must differ from the current password");
        }
        String username = caller.username();
        String previous = checkPassword(caller, change.currentPassword());
        // with a second factor, a password alone does not change the password (ASVS 7.5.1): a current code too
        secondFactors.requireCodeIfEnrolled(caller, change.code());
        String hash = Passwords.hash(change.newPassword());
        changes.apply(caller, username, AuditAction.password_change, Outcome.DONE, (handle, accounts) -> {
            if (accounts.setOwnPassword(username, hash, previous) != 1) {
                throw new Refusal.Conflict("The password was changed meanwhile: sign in again and retry");
            }
            return handle.attach(TokenDao.class)
                    .revokeAllOf(username, changes.clock().instant());
        });
    }

    /** The caller's own email address for alerts: set, changed or removed (null or empty). */
    public EmailChange changeEmail(Caller caller, EmailChange change) {
        String email = EmailAddress.normalised("email", change.email());
        String username = caller.username();
        changes.applyToDetails(caller, username, AuditAction.update, Outcome.CHANGED, (handle, accounts) -> {
            accounts.setEmail(username, email);
            return null;
        });
        return new EmailChange(email);
    }

    /** The caller's own email address, null for none. */
    public EmailChange email(Caller caller) {
        String username = caller.username();
        return new EmailChange(jdbi.withExtension(AccountDao.class, accounts -> accounts.find(username))
                .orElseThrow(() -> AccountChange.notFound(username))
                .email());
    }

    /**
     * The caller's credentials asked again before they end a session or token other than the one in use (ASVS
     * V7.5.2), as a password change asks them: missing is 400, wrong is 403, each naming the field; a wrong password
     * counts in the sign-in throttle and is audited as denied.
     */
    public void reauthenticate(Caller caller, Reauthentication again) {
        if (again == null
                || again.currentPassword() == null
                || again.currentPassword().isEmpty()) {
            throw new Refusal.BadParameter(
                    "currentPassword", "is required: your password, to end a session or token other than this one");
        }
        checkPassword(caller, again.currentPassword());
        secondFactors.requireCodeIfEnrolled(caller, again.code());
    }

    /** The account's password hash, once {@code given} is found to match it. */
    private String checkPassword(Caller caller, String given) {
        String username = caller.username();
        String previous = jdbi.withExtension(AccountDao.class, accounts -> accounts.passwordHash(username))
                .orElseThrow(() -> AccountChange.notFound(username));
        // a guess at the current password counts as a failed sign-in: a stolen token must not be a way to guess
        // the password behind it without the throttle
        SignInThrottle.Verdict verdict = throttle.before(username, caller.clientAddress());
        if (verdict.blockedFor().isPresent()) {
            audit.denied(caller, AccountChange.RESOURCE, username, null, Outcome.THROTTLED);
            throw verdict.refusal();
        }
        // Argon2 outside the transaction: a write lock is not held for the time of two hashes
        if (!Passwords.matches(given, previous)) {
            throttle.failed(username, caller.clientAddress());
            audit.denied(caller, AccountChange.RESOURCE, username, null, Outcome.FORBIDDEN);
            throw new Refusal.Forbidden(
                    "currentPassword is not your current password",
                    java.util.List.of(new FieldReason("currentPassword", "is not your current password")));
        }
        return previous;
    }
}
