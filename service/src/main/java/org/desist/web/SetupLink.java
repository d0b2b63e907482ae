package org.desist.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.auth.User;
import org.desist.refusal.Refusal;
import org.desist.signin.ApiTokens;
import org.desist.user.Accounts;
import org.desist.user.NewAccount;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new installation's way in: at a start that finds no accounts, a one-time link (256 random bits, only their
 * hash kept, valid one hour) is printed once to the log; whoever can read the server's log opens it and creates
 * the first administrator, with a password of their own. The link is spent by that use, and no link works once
 * any account exists (add-user on the command line does the same job, and closes the link too).
 */
public class SetupLink {
    private static final Logger LOG = LoggerFactory.getLogger(SetupLink.class);
    static final Duration VALID_FOR = Duration.ofHours(1);
    static final String PATH = "/setup/";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Accounts accounts;

    SetupLink(Jdbi jdbi, Clock clock, Accounts accounts) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** At start: if nobody can sign in yet, print a link with which the first administrator can. */
    void offerIfNoAccounts(int port) {
        if (jdbi.withExtension(SetupLinkDao.class, SetupLinkDao::accounts) > 0) {
            return;
        }
        String token = ApiTokens.newToken().substring("dst_".length());
        Instant now = clock.instant();
        jdbi.useExtension(SetupLinkDao.class, links -> links.insert(ApiTokens.hash(token), now, now.plus(VALID_FOR)));
        LOG.warn(
                "No accounts yet. Within the hour, open http://localhost:{}{}{} in a browser on this machine to create"
                        + " the first administrator (or use add-user). The link works once.",
                port,
                PATH,
                token);
    }

    boolean usable(String token) {
        return token != null
                && jdbi.withExtension(SetupLinkDao.class, links -> links.usable(ApiTokens.hash(token), clock.instant()))
                        > 0;
    }

    /**
     * Creates the first administrator (every site) with the chosen password, spending the link; refused as the
     * API refuses a weak password or a bad name, in which case the link stays good for another try.
     */
    void createFirstAdministrator(String token, String username, String password, String clientAddress) {
        String hash = ApiTokens.hash(token);
        if (jdbi.withExtension(SetupLinkDao.class, links -> links.spend(hash, clock.instant())) != 1) {
            throw new Refusal.Forbidden(
                    "This set-up link has been used, has expired, or accounts exist already", java.util.List.of());
        }
        Caller setup = new Caller(
                new User("setup-link", Set.of(Role.admin), Set.of()),
                "setup-" + UUID.randomUUID(),
                "first administrator of a new installation",
                clientAddress);
        try {
            accounts.create(new NewAccount(username, Set.of(Role.admin), Set.of()), password, setup);
        } catch (RuntimeException refused) {
            jdbi.useExtension(SetupLinkDao.class, links -> links.release(hash));
            throw refused;
        }
    }
}
