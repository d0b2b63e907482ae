package org.desist.user;

import java.util.Set;
import org.desist.auth.Role;

/** What add-user asks for. */
public record NewAccount(String username, Set<Role> roles, Set<String> sites, String password) {
}
