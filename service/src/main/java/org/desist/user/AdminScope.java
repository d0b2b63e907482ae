package org.desist.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.desist.audit.Outcome;
import org.desist.auth.Role;
import org.desist.auth.User;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/**
 * What an administrator may administer. An administrator of every site: every account. One bound to sites
 * (a site administrator): only accounts bound to some of those sites and to no other. An account of every
 * site (no sites) or of another site is outside their scope and answers as if it did not exist.
 *
 * <p>A site administrator grants only their own sites, never every site, and neither grants nor removes the
 * admin role: who administers is decided by an administrator of every site, so that a site administrator
 * cannot appoint accomplices (or unseat peers) whose powers would outlive a review of their own account.
 */
record AdminScope(User admin) {

    static AdminScope of(User admin) {
        return new AdminScope(admin);
    }

    boolean covers(Collection<String> accountSites) {
        return admin.spansAllSites() || !accountSites.isEmpty() && admin.sites().containsAll(accountSites);
    }

    /** Refuses (403, naming the field) roles or sites this administrator may not hand out; {@code before} the account's roles now. */
    void requireGrantable(Set<Role> roles, Set<String> sites, Set<Role> before) {
        if (admin.spansAllSites()) {
            return;
        }
        List<FieldReason> refused = new ArrayList<>();
        if (roles.contains(Role.admin) != before.contains(Role.admin)) {
            refused.add(
                    new FieldReason("roles", "only an administrator of every site may grant or remove the admin role"));
        }
        if (sites.isEmpty() || !admin.sites().containsAll(sites)) {
            refused.add(new FieldReason(
                    "sites",
                    "must be some of your own sites: "
                            + String.join(", ", admin.sites().stream().sorted().toList())));
        }
        if (!refused.isEmpty()) {
            throw new OutOfScope(
                    new Refusal.Forbidden(
                            refused.get(0).field() + " " + refused.get(0).reason(), refused),
                    Outcome.FORBIDDEN);
        }
    }

    /** A refusal on the grounds of scope: audited as denied, with its outcome, once its transaction has rolled back. */
    static final class OutOfScope extends RuntimeException {
        final Refusal refusal;
        final Outcome outcome;

        OutOfScope(Refusal refusal, Outcome outcome) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
            this.outcome = outcome;
        }

        /** An account outside the scope, answered as if it did not exist. */
        static OutOfScope hidden(Refusal.NotFound refusal) {
            return new OutOfScope(refusal, Outcome.HIDDEN);
        }
    }
}
