package org.desist.web;

/** A page asked for without a live session: the browser is sent to sign in, and back here after. */
final class SignInRequired extends RuntimeException {
    private final String returnTo;

    SignInRequired(String returnTo) {
        super("Sign in to see this page", null, false, false);
        this.returnTo = returnTo;
    }

    String returnTo() {
        return returnTo;
    }
}
