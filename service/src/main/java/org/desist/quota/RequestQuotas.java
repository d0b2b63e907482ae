package org.desist.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.desist.refusal.Refusal;
import org.jdbi.v3.core.Jdbi;

/**
 * The quotas over the request_quota table, which every instance shares and a restart keeps: one statement a
 * metered request (an upsert of the account's and the address's counts that answers both). Fixed windows: a
 * count starts at the first request after its window has passed, so a burst at a window's edge may reach twice
 * the limit in a window's time, and never more.
 */
public class RequestQuotas {
    /** Longer subjects are cut: no username or address is this long, and the row stays small. */
    private static final int MAX_SUBJECT = 128;
    /** Stale rows are swept every so many metered requests of this instance. */
    private static final long SWEEP_EVERY = 1_000;

    /** Over quota: which quota, for whom (account or address), and when it frees. */
    public record Exceeded(Metered metered, String by, int limit, Duration window, Duration retryAfter) {
        public Refusal.Throttled refusal() {
            return new Refusal.Throttled(
                    "The " + metered.quota() + " quota is used up: at most " + limit + " requests for "
                            + what(metered) + " per " + by + " in " + window(window) + "; try again in "
                            + Math.max(1, retryAfter.toSeconds()) + " seconds",
                    retryAfter);
        }

        private static String what(Metered metered) {
            return switch (metered) {
                case READS -> "case data";
                case PDFS -> "PDFs";
                case EXPORTS -> "exports";
            };
        }

        private static String window(Duration window) {
            return window.toMinutes() >= 60 && window.toMinutes() % 60 == 0
                    ? window.toHours() + " hour(s)"
                    : window.toSeconds() + " seconds";
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final QuotaSettings settings;
    private final AtomicLong metered = new AtomicLong();

    public RequestQuotas(Jdbi jdbi, Clock clock, QuotaSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
    }

    /** Counts one request against the quota; empty while within it. */
    public Optional<Exceeded> count(Metered kind, String username, String address) {
        QuotaSettings.Limit limit = settings.limit(kind);
        Duration window = limit.getWindow().toJavaDuration();
        Instant now = clock.instant();
        Optional<Exceeded> exceeded = Optional.empty();
        for (QuotaDao.Count count : jdbi.withExtension(
                QuotaDao.class,
                quotas -> quotas.count(kind.quota(), subject(username), subject(address), now, now.minus(window)))) {
            boolean byAccount = "account".equals(count.kind());
            int allowed = byAccount ? limit.getPerAccount() : limit.getPerAddress();
            if (count.requests() > allowed) {
                Duration retryAfter = Duration.between(now, count.windowStart().plus(window));
                if (exceeded.isEmpty() || retryAfter.compareTo(exceeded.get().retryAfter()) > 0) {
                    exceeded = Optional.of(new Exceeded(
                            kind,
                            byAccount ? "account" : "client address",
                            allowed,
                            window,
                            retryAfter.isNegative() ? Duration.ZERO : retryAfter));
                }
            }
        }
        if (this.metered.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbi.useExtension(QuotaDao.class, quotas -> quotas.expire(now.minus(longestWindow())));
        }
        return exceeded;
    }

    private Duration longestWindow() {
        Duration longest = Duration.ZERO;
        for (Metered kind : Metered.values()) {
            Duration window = settings.limit(kind).getWindow().toJavaDuration();
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        return longest;
    }

    private static String subject(String text) {
        String subject = text == null ? "" : text;
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }
}
