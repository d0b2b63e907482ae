package org.desist.email;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily digest: once the day reaches {@code email.digestHour} (Europe/London), one outbox row per account with
 * an address and open alerts. The outbox's unique index on (username, digest_day) makes it once per user per day,
 * however many instances and runs try; its text (case references only) is made when it is sent.
 */
public class Digests {
    public static final ZoneId LOCAL = ZoneId.of("Europe/London");

    private final Jdbi jdbi;
    private final int digestHour;
    private final Clock clock;

    public Digests(Jdbi jdbi, int digestHour, Clock clock) {
        this.jdbi = jdbi;
        this.digestHour = digestHour;
        this.clock = clock;
    }

    /** Queues today's digests if the hour has come; returns how many were newly queued. */
    public int queueDue() {
        ZonedDateTime local = clock.instant().atZone(LOCAL);
        if (local.getHour() < digestHour) {
            return 0;
        }
        LocalDate day = local.toLocalDate();
        return jdbi.inTransaction(handle -> {
            OutboxDao outbox = handle.attach(OutboxDao.class);
            List<String> users = outbox.digestRecipients();
            int queued = 0;
            for (String username : users) {
                queued += outbox.queueDigest(UUID.randomUUID().toString(), username, day, clock.instant());
            }
            return queued;
        });
    }
}
