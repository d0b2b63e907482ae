package org.desist.subject;

import java.util.HashMap;
import java.util.Map;
import org.desist.auth.User;
import org.desist.signin.Credentials;
import org.jdbi.v3.core.Jdbi;

/**
 * Names a member of staff by their role(s) rather than their username, as a subject access report must.
 * One instance serves one report, looking each username up once.
 */
final class StaffRoles {
    private final Jdbi jdbi;
    private final Map<String, String> roles = new HashMap<>();

    StaffRoles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The role label of {@code username} ("clinician", "clinician+police"), "staff" without a role; null for null. */
    String of(String username) {
        if (username == null) {
            return null;
        }
        return roles.computeIfAbsent(username, this::lookUp);
    }

    private String lookUp(String username) {
        User user = jdbi.withExtension(Credentials.class, credentials -> credentials.user(username));
        return user.roles().isEmpty() ? "staff" : user.roleLabel();
    }
}
