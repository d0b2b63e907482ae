package org.desist.refusal;

/**
 * A reason the service or a command will not start that the operator must act on: said in one line, without a
 * stack trace, by the commands that know it (the server's included).
 */
public class StartRefused extends RuntimeException {
    public StartRefused(String message) {
        super(message);
    }
}
