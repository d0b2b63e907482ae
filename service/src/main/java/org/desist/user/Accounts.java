package org.desist.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.desist.access.SiteScope;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.auth.SecurityEvents;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.signin.Passwords;
import org.desist.signin.TokenDao;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff accounts: created by add-user (with the password its operator typed) or by an administrator over the
 * API (with a temporary password the service makes); listed, enabled, disabled, given other roles or sites,
 * and given temporary passwords. Each change is one audited transaction ({@link AccountChange}); an
 * administrator bound to sites sees and changes only accounts within them ({@link AdminScope}).
 */
public class Accounts {
    public static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{1,63}";

    private final Jdbi jdbi;
    private final AccountChange changes;
    private final AuditLog audit;
    private final Duration temporaryLifetime;

    Accounts(Jdbi jdbi, AccountChange changes, AuditLog audit, Duration temporaryLifetime) {
        this.jdbi = jdbi;
        this.changes = changes;
        this.audit = audit;
        this.temporaryLifetime = temporaryLifetime;
    }

    /** add-user's: the password is the operator's own choice, so it is not temporary. Audited as {@code by}. */
    public Account create(NewAccount request, String password, Caller by) {
        String weakness = PasswordContext.weakness(jdbi, request.username(), password);
        if (weakness != null) {
            throw new Refusal.Invalid("password", weakness);
        }
        return insert(request, Passwords.hash(password), null, by);
    }

    /** An administrator's: the service makes a temporary password, shown once in the answer. */
    public CreatedAccount create(NewAccount request, Caller admin) {
        requireValid(request.username(), request.roles(), request.sites());
        EmailAddress.normalised("email", request.email());
        try {
            AdminScope.of(admin.user()).requireGrantable(request.roles(), request.sites(), Set.of());
        } catch (AdminScope.OutOfScope refusal) {
            audit.denied(admin, AccountChange.RESOURCE, request.username(), null, refusal.outcome);
            throw refusal.refusal;
        }
        String password = TemporaryPasswords.next(PasswordContext.of(jdbi, request.username()));
        Instant until = changes.clock().instant().plus(temporaryLifetime);
        Account account = insert(request, Passwords.hash(password), until, admin);
        return new CreatedAccount(account, new TemporaryPassword(account.username(), password, until));
    }

    private Account insert(NewAccount request, String hash, Instant temporaryUntil, Caller by) {
        requireValid(request.username(), request.roles(), request.sites());
        String email = EmailAddress.normalised("email", request.email());
        return jdbi.inTransaction(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            if (accounts.find(request.username()).isPresent()) {
                throw new Refusal.Conflict("user '" + request.username() + "' already exists");
            }
            requireSitesExist(handle, request.sites());
            accounts.insert(request.username(), hash, changes.clock().instant());
            if (temporaryUntil != null) {
                accounts.setTemporaryPassword(request.username(), hash, temporaryUntil);
            }
            request.roles().forEach(role -> accounts.grant(request.username(), role));
            request.sites().forEach(site -> accounts.bind(request.username(), site));
            if (email != null) {
                accounts.setEmail(request.username(), email);
            }
            audit.change(
                    handle, by, AuditAction.create, AccountChange.RESOURCE, request.username(), null, Outcome.CREATED);
            return account(accounts, accounts.find(request.username()).orElseThrow());
        });
    }

    /** The accounts the administrator may administer. */
    public List<Account> list(Caller admin, int limit, int offset) {
        SiteScope scope = SiteScope.of(admin);
        return jdbi.withExtension(
                AccountDao.class, accounts -> accounts.list(scope.allSites(), scope.sites(), limit, offset).stream()
                        .map(row -> account(accounts, row))
                        .toList());
    }

    public Account find(Caller admin, String username) {
        return changes.read(
                admin,
                username,
                (handle, accounts) -> account(accounts, accounts.find(username).orElseThrow()));
    }

    /** Its logins are refused and its tokens revoked at once, on every instance. */
    public Account disable(Caller admin, String username) {
        Account disabled = changes.apply(admin, username, AuditAction.disable, Outcome.CHANGED, (handle, accounts) -> {
            accounts.setDisabled(username, true);
            handle.attach(TokenDao.class).revokeAllOf(username, changes.clock().instant());
            return account(accounts, accounts.find(username).orElseThrow());
        });
        SecurityEvents.revoked(username, "all", "disabled", admin);
        return disabled;
    }

    public Account enable(Caller admin, String username) {
        return changes.apply(admin, username, AuditAction.enable, Outcome.CHANGED, (handle, accounts) -> {
            accounts.setDisabled(username, false);
            return account(accounts, accounts.find(username).orElseThrow());
        });
    }

    /** Sets or removes where the account's alerts are emailed (audited as an update of the account). */
    public Account changeEmail(Caller admin, String username, EmailChange change) {
        String email = EmailAddress.normalised("email", change.email());
        return changes.applyToDetails(admin, username, AuditAction.update, Outcome.CHANGED, (handle, accounts) -> {
            accounts.setEmail(username, email);
            return account(accounts, accounts.find(username).orElseThrow());
        });
    }

    /** Replaces the account's roles and sites; its tokens are revoked, since they were issued for the old rights. */
    public Account changeAccess(Caller admin, String username, AccountAccess access) {
        requireValid(username, access.roles(), access.sites());
        return changes.apply(admin, username, AuditAction.access_change, Outcome.CHANGED, (handle, accounts) -> {
            AdminScope.of(admin.user())
                    .requireGrantable(access.roles(), access.sites(), Set.copyOf(accounts.roles(username)));
            requireSitesExist(handle, access.sites());
            accounts.revokeRoles(username);
            accounts.unbindSites(username);
            access.roles().forEach(role -> accounts.grant(username, role));
            access.sites().forEach(site -> accounts.bind(username, site));
            handle.attach(TokenDao.class).revokeAllOf(username, changes.clock().instant());
            return account(accounts, accounts.find(username).orElseThrow());
        });
    }

    /**
     * A temporary password the service makes, shown once: the old password and every token stop working at
     * once; the new one lets its owner only change it, and expires. The administrator never chooses it.
     */
    public TemporaryPassword resetPassword(Caller admin, String username) {
        String password = TemporaryPasswords.next(PasswordContext.of(jdbi, username));
        String hash = Passwords.hash(password);
        Instant until = changes.clock().instant().plus(temporaryLifetime);
        changes.apply(admin, username, AuditAction.password_reset, Outcome.CHANGED, (handle, accounts) -> {
            accounts.setTemporaryPassword(username, hash, until);
            handle.attach(TokenDao.class).revokeAllOf(username, changes.clock().instant());
            return null;
        });
        return new TemporaryPassword(username, password, until);
    }

    private static void requireValid(String username, Set<Role> roles, Set<String> sites) {
        if (username == null || !username.matches(USERNAME_PATTERN)) {
            throw new Refusal.Invalid(
                    "username",
                    "must be 2-64 lower-case letters, digits, '.', '_' or '-'," + " starting with a letter");
        }
        if (roles.isEmpty()) {
            throw new Refusal.Invalid("roles", "must hold at least one role");
        }
        if (sites.isEmpty() && !roles.stream().allMatch(Role::maySpanSites)) {
            throw new Refusal.Invalid(
                    "give at least one site: only programme_lead" + " and admin may span all sites",
                    List.of(new FieldReason(
                            "sites",
                            "must hold at least one site:" + " only programme_lead and admin may span all sites")));
        }
    }

    private static void requireSitesExist(Handle handle, Set<String> codes) {
        SiteDao sites = handle.attach(SiteDao.class);
        for (String site : codes) {
            if (sites.find(site).isEmpty()) {
                throw new Refusal.Invalid(
                        "site '" + site + "' does not exist",
                        List.of(new FieldReason("sites", "names a site that does not exist: " + site)));
            }
        }
    }

    static Account account(AccountDao accounts, AccountDao.Row row) {
        return new Account(
                row.username(),
                accounts.roles(row.username()),
                accounts.sites(row.username()),
                row.disabled(),
                row.mustChangePassword(),
                row.createdAt(),
                row.email());
    }
}
