package org.desist.user;

import java.time.Instant;
import java.util.List;
import org.desist.auth.Role;

/** A staff account as administrators see it: never its password hash. */
public record Account(String username, List<Role> roles, List<String> sites, boolean disabled, Instant createdAt) {
}
