package org.desist.web;

import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.auth.User;

/**
 * Who a page is drawn for, and the token its forms carry. {@link #can} asks {@link AccessPolicy} (the one place
 * rights are decided) whether to offer a link or a button: the request behind it is checked again all the same.
 * A class with getters, not a record: templates read {@code viewer.signedIn}, {@code viewer.username}.
 */
public final class Viewer {
    static final Viewer ANONYMOUS = new Viewer(null, "");

    private final User user;
    private final String csrfToken;
    private final boolean secondStepDue;

    Viewer(User user, String csrfToken) {
        this(user, csrfToken, false);
    }

    Viewer(User user, String csrfToken, boolean secondStepDue) {
        this.user = user;
        this.csrfToken = csrfToken;
        this.secondStepDue = secondStepDue;
    }

    public boolean isSignedIn() {
        return user != null;
    }

    public String getUsername() {
        return user == null ? "" : user.username();
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    /** True while the account's password is a temporary one an administrator set. */
    public boolean isOnTemporaryPassword() {
        return user != null && user.mustChangePassword();
    }

    /**
     * True while the viewer has given the password but not yet the second factor (or not yet enrolled one): the
     * pages offer nothing but that step and signing out.
     */
    public boolean isSecondStepDue() {
        return secondStepDue;
    }

    /** Whether the viewer's role may do the action named (an {@link Action} constant's name). */
    public boolean can(String action) {
        return user != null && AccessPolicy.allows(user, Action.valueOf(action));
    }
}
