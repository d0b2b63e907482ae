package org.desist.readme;

/** The README's tour: the first {@code sh} block under its "A tour with curl" heading. */
final class ReadmeTour {
    static final String HEADING = "## A tour with curl";

    private ReadmeTour() {}

    static String block(String readme) {
        int heading = readme.indexOf("\n" + HEADING + "\n");
        if (heading < 0) {
            throw new IllegalStateException("README.md has no '" + HEADING + "' section");
        }
        int nextSection = readme.indexOf("\n## ", heading + 1);
        int open = readme.indexOf("\n```sh\n", heading);
        if (open < 0 || (nextSection >= 0 && open > nextSection)) {
            throw new IllegalStateException("No ```sh block under '" + HEADING + "'");
        }
        int start = open + "\n```sh\n".length();
        int close = readme.indexOf("\n```", start);
        if (close < 0) {
            throw new IllegalStateException("The tour's ```sh block is not closed");
        }
        return readme.substring(start, close + 1);
    }
}
