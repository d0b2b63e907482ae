package org.desist.identityprovider;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.signin.TokenDao;
import org.desist.user.Accounts;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Administrators link a provider subject to an existing account; a token never creates one. The account must be
 * within the administrator's scope ({@link Accounts#find}: 404 as if it did not exist otherwise, audited). A change
 * ends the account's sessions and tokens, and is audited as an access change of the resource "identity_link".
 */
public class IdentityLinks {
    static final String RESOURCE = "identity_link";

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Optional<String> issuer;

    IdentityLinks(Jdbi jdbi, Clock clock, AuditLog audit, Accounts accounts, LinkedAccounts linked) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.accounts = accounts;
        this.issuer = linked.issuer();
    }

    public IdentityLink find(Caller admin, String username) {
        accounts.find(admin, username);
        IdentityLink link = jdbi.withExtension(IdentityLinkDao.class, links -> links.ofAccount(username))
                .orElseThrow(() -> new Refusal.NotFound("identity link of account", username));
        return link;
    }

    /** Links the subject to the account, replacing any subject it had; 409 if the subject is another account's. */
    public IdentityLink link(Caller admin, String username, NewIdentityLink request) {
        String of = issuer.orElseThrow(IdentityLinks::unconfigured);
        accounts.find(admin, username);
        try {
            return jdbi.inTransaction(handle -> {
                IdentityLinkDao links = handle.attach(IdentityLinkDao.class);
                Optional<String> holder = links.accountOf(of, request.subject());
                if (holder.isPresent() && !holder.get().equals(username)) {
                    throw linkedElsewhere();
                }
                Optional<IdentityLink> before = links.ofAccount(username);
                if (holder.isPresent() && before.isPresent()) {
                    return before.get(); // already so: nothing changes, nothing ends
                }
                links.delete(username);
                links.insert(username, of, request.subject(), clock.instant(), admin.username());
                links.moveCredentialVersion(username, clock.instant());
                handle.attach(TokenDao.class).revokeAllOf(username, clock.instant());
                audit.change(handle, admin, AuditAction.access_change, RESOURCE, username, null, Outcome.CHANGED);
                return links.ofAccount(username).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            // another administrator linked the same subject at the same moment: the unique key kept one
            throw linkedElsewhere();
        }
    }

    /** Removes the account's link: it signs in with its password alone again. 404 if it had none. */
    public void unlink(Caller admin, String username) {
        accounts.find(admin, username);
        jdbi.useTransaction(handle -> {
            IdentityLinkDao links = handle.attach(IdentityLinkDao.class);
            if (links.delete(username) != 1) {
                throw new Refusal.NotFound("identity link of account", username);
            }
            links.moveCredentialVersion(username, clock.instant());
            handle.attach(TokenDao.class).revokeAllOf(username, clock.instant());
            audit.change(handle, admin, AuditAction.access_change, RESOURCE, username, null, Outcome.DONE);
        });
    }

    private static Refusal.Conflict linkedElsewhere() {
        return new Refusal.Conflict("subject is linked to another account: unlink it there first");
    }

    private static Refusal unconfigured() {
        return new Refusal.Unavailable(
                "No identity provider is configured (identityProvider.issuer, DESIST_OIDC_ISSUER)",
                List.of(new FieldReason("identityProvider.issuer", "is not set")));
    }
}
