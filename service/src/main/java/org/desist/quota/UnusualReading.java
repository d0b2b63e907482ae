package org.desist.quota;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.auth.LogSafe;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices an account that reads far more case data today than it usually does: its audited reads since the day
 * began against {@code factor} times its daily average over the 30 days before, and never below {@code floor}, so a
 * new account does not trip on its first day. The first time in a day, on any instance, it is a WARN line and an
 * {@code unusual_reading} audit row; the request itself is answered as usual (quotas refuse, this one tells).
 * Each instance looks at an account at most once every {@code checkEvery} (two indexed counts).
 */
public class UnusualReading {
    private static final Logger LOG = LoggerFactory.getLogger(UnusualReading.class);
    static final int USUAL_DAYS = 30;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final double factor;
    private final int floor;
    private final Cache<String, Boolean> lookedAt;

    public UnusualReading(Jdbi jdbi, Clock clock, AuditLog audit, QuotaSettings.Unusual settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.factor = settings.getFactor();
        this.floor = settings.getFloor();
        Duration checkEvery = settings.getCheckEvery().toJavaDuration();
        this.lookedAt = Caffeine.newBuilder()
                .maximumSize(checkEvery.isZero() ? 0 : 10_000)
                .expireAfterWrite(checkEvery.isZero() ? Duration.ofNanos(1) : checkEvery)
                .build();
    }

    /** How many reads in a day are unusual for an account that read {@code usualPerDay} on an average day. */
    static int threshold(double usualPerDay, double factor, int floor) {
        return (int) Math.max(floor, Math.ceil(usualPerDay * factor));
    }

    /** After a read of case data by this caller was let through. */
    public void afterRead(Caller caller) {
        if (lookedAt.asMap().putIfAbsent(caller.username(), Boolean.TRUE) != null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Instant dayBegan = today.atStartOfDay(clock.getZone()).toInstant();
        Instant now = clock.instant();
        int reads = jdbi.withExtension(
                QuotaDao.class, quotas -> quotas.reads(caller.username(), dayBegan, now.plusSeconds(1)));
        if (reads < floor) {
            return;
        }
        Instant usualFrom =
                today.minusDays(USUAL_DAYS).atStartOfDay(clock.getZone()).toInstant();
        int before = jdbi.withExtension(QuotaDao.class, quotas -> quotas.reads(caller.username(), usualFrom, dayBegan));
        double usual = before / (double) USUAL_DAYS;
        int threshold = threshold(usual, factor, floor);
        if (reads < threshold) {
            return;
        }
        int first = jdbi.withExtension(
                QuotaDao.class,
                quotas -> quotas.notice(caller.username(), today.toString(), reads, (int) Math.round(usual), now));
        if (first == 1) {
            LOG.warn(
                    "Security event: unusual reading by account '{}' from {}: {} reads of case data today against a"
                            + " usual {} a day (threshold {})",
                    LogSafe.text(caller.username()),
                    LogSafe.text(caller.clientAddress()),
                    reads,
                    Math.round(usual),
                    threshold);
            audit.unusualReading(caller);
        }
    }
}
