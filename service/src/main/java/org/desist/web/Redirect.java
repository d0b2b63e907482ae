package org.desist.web;

/** Sends the browser elsewhere (303 See Other) from inside a filter. */
final class Redirect extends RuntimeException {
    private final String to;

    Redirect(String to) {
        super(to, null, false, false);
        this.to = to;
    }

    String to() {
        return to;
    }
}
