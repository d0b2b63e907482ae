package org.desist.auth;

import io.dropwizard.auth.AuthenticationException;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.desist.errors.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Basic logins pass through here first: a locked-out username is refused with 429 before any check;
 * repeated failures are slowed. Unknown usernames are treated exactly like known ones.
 */
public class ThrottledLogin implements Authenticator<BasicCredentials, User> {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottledLogin.class);
    private final LoginThrottle throttle;
    private final Authenticator<BasicCredentials, User> next;

    public ThrottledLogin(LoginThrottle throttle, Authenticator<BasicCredentials, User> next) {
        this.throttle = throttle;
        this.next = next;
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) throws AuthenticationException {
        String username = credentials.getUsername();
        Optional<Duration> locked = throttle.lockedFor(username);
        if (locked.isPresent()) {
            LOG.warn("Login refused for user '{}': too many failures", LogSafe.text(username));
            long seconds = Math.max(1, locked.get().toSeconds());
            throw new WebApplicationException(Problems.withHeader(
                    Problems.response(429, "Too many failed logins; try again later", List.of()),
                    "Retry-After", Long.toString(seconds)));
        }
        pause(throttle.delayFor(username));
        Optional<User> user = next.authenticate(credentials);
        // A success does not clear the count: otherwise the owner's own traffic would keep resetting
        // a guesser's tally, and the lockout would never come. Failures age out with the window.
        if (user.isEmpty()) {
            throttle.failed(username);
            LOG.warn("Login failed for user '{}'", LogSafe.text(username));
        }
        return user;
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
