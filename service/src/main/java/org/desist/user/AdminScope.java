package org.desist.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.auth.User;
import org.desist.http.FieldError;
import org.desist.http.ProblemException;

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
        List<FieldError> refused = new ArrayList<>();
        if (roles.contains(Role.admin) != before.contains(Role.admin)) {
            refused.add(new FieldError("roles", "only an administrator of every site may grant or remove the admin role"));
        }
        if (sites.isEmpty() || !admin.sites().containsAll(sites)) {
            refused.add(new FieldError("sites", "must be some of your own sites: " + String.join(", ",
                    admin.sites().stream().sorted().toList())));
        }
        if (!refused.isEmpty()) {
            throw new Refusal(new ProblemException(403, "Forbidden", refused.get(0).field() + " "
                    + refused.get(0).reason(), refused));
        }
    }

    /** A refusal on the grounds of scope: audited as denied once its transaction has rolled back. */
    static final class Refusal extends RuntimeException {
        final ProblemException problem;

        Refusal(ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }
}
