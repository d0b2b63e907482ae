package org.desist.user;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.desist.auth.Passwords;
import org.desist.auth.Role;
import org.desist.auth.TokenDao;
import org.desist.errors.ProblemException;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Staff accounts: created by an administrator from the command line, listed, disabled and given new
 * passwords over the API. A change to an account forgets its cached logins and revokes its tokens.
 */
public class Accounts {
    public static final String USERNAME_PATTERN = "[a-z][a-z0-9._-]{1,63}";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Consumer<String> forgetLogins;

    public Accounts(Jdbi jdbi, Clock clock, Consumer<String> forgetLogins) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.forgetLogins = forgetLogins;
    }

    /** Creates an account; every problem is refused with a reason and nothing is written. */
    public Account create(NewAccount request) {
        if (request.username() == null || !request.username().matches(USERNAME_PATTERN)) {
            throw new IllegalArgumentException("username must be 2-64 lower-case letters, digits, '.', '_' or '-',"
                    + " starting with a letter");
        }
        if (request.roles().isEmpty()) {
            throw new IllegalArgumentException("give at least one --role");
        }
        if (request.sites().isEmpty() && !request.roles().stream().allMatch(Role::maySpanSites)) {
            throw new IllegalArgumentException("give at least one --site: only programme_lead and admin may span all sites");
        }
        String weakness = Passwords.weakness(request.password());
        if (weakness != null) {
            throw new IllegalArgumentException("password " + weakness);
        }
        String hash = Passwords.hash(request.password());
        return jdbi.inTransaction(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            if (accounts.find(request.username()).isPresent()) {
                throw new IllegalArgumentException("user '" + request.username() + "' already exists");
            }
            SiteDao sites = handle.attach(SiteDao.class);
            for (String site : request.sites()) {
                if (sites.find(site).isEmpty()) {
                    throw new IllegalArgumentException("site '" + site + "' does not exist");
                }
            }
            accounts.insert(request.username(), hash, clock.instant());
            request.roles().forEach(role -> accounts.grant(request.username(), role));
            request.sites().forEach(site -> accounts.bind(request.username(), site));
            return account(accounts, accounts.find(request.username()).orElseThrow());
        });
    }

    public List<Account> list(int limit, int offset) {
        return jdbi.withExtension(AccountDao.class, accounts -> accounts.list(limit, offset).stream()
                .map(row -> account(accounts, row)).toList());
    }

    public Account disable(String username) {
        Account account = jdbi.inTransaction(handle -> {
            AccountDao accounts = handle.attach(AccountDao.class);
            if (accounts.disable(username, clock.instant()) != 1) {
                throw ProblemException.notFound("user", username);
            }
            handle.attach(TokenDao.class).revokeAllOf(username, clock.instant());
            return account(accounts, accounts.find(username).orElseThrow());
        });
        forgetLogins.accept(username);
        return account;
    }

    public void resetPassword(String username, String password) {
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw ProblemException.invalid("password", weakness);
        }
        String hash = Passwords.hash(password);
        jdbi.useTransaction(handle -> {
            if (handle.attach(AccountDao.class).setPassword(username, hash, clock.instant()) != 1) {
                throw ProblemException.notFound("user", username);
            }
            handle.attach(TokenDao.class).revokeAllOf(username, clock.instant());
        });
        forgetLogins.accept(username);
    }

    private static Account account(AccountDao accounts, AccountDao.Row row) {
        return new Account(row.username(), accounts.roles(row.username()), accounts.sites(row.username()),
                row.disabled(), row.createdAt());
    }
}
