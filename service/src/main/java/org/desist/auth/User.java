package org.desist.auth;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An authenticated member of staff: their roles and the sites whose cases they work on. No sites
 * means every site, which only programme leads and administrators may have. {@code temporaryPasswordUntil}
 * is set while the account's password is one an administrator reset: until it is changed the account may
 * do nothing else, and after that instant it no longer signs in.
 */
public record User(String username, Set<Role> roles, Set<String> sites, Instant temporaryPasswordUntil)
        implements Principal {

    public User {
        roles = Set.copyOf(roles);
        sites = Set.copyOf(sites);
    }

    public User(String username, Set<Role> roles, Set<String> sites) {
        this(username, roles, sites, null);
    }

    public boolean mustChangePassword() {
        return temporaryPasswordUntil != null;
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean spansAllSites() {
        return sites.isEmpty();
    }

    public boolean worksAt(String siteCode) {
        return spansAllSites() || sites.contains(siteCode);
    }

    /** The roles as one word for the audit log, e.g. {@code admin+clinician}. */
    public String roleLabel() {
        return roles.stream().map(Role::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining("+"));
    }
}
