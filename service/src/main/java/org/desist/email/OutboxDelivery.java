package org.desist.email;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, at least once: each due row is first claimed for a while (so two instances never
 * send one row at once, and a crashed instance's claim runs out), then sent with the row's id as its Message-ID,
 * then recorded as sent. A failure leaves the row for a later try, waiting twice as long after each (up to a
 * ceiling): an SMTP server that is down delays email, never loses it. A crash between sending and recording means
 * one resend with the same Message-ID, which the recipient's mail system recognises.
 */
public class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int BATCH = 50;

    private final Jdbi jdbi;
    private final SmtpMailer mailer;
    private final EmailSettings settings;
    private final Clock clock;

    public OutboxDelivery(Jdbi jdbi, SmtpMailer mailer, EmailSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every row due now that no one else holds; returns how many were sent. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<String> due = jdbi.withExtension(OutboxDao.class, outbox -> outbox.due(now, BATCH));
        int sent = 0;
        for (String id : due) {
            Instant until = now.plus(settings.getClaimFor().toJavaDuration());
            boolean claimed = jdbi.withExtension(OutboxDao.class, outbox -> outbox.claim(id, now, until)) == 1;
            if (claimed && deliver(id)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean deliver(String id) {
        OutboxDao.Pending row = jdbi.withExtension(OutboxDao.class, outbox -> outbox.pending(id))
                .orElseThrow();
        Optional<EmailText.Email> email = text(row);
        if (row.email() == null || row.disabled() || email.isEmpty()) {
            // nobody to send it to any more, or (a digest) nothing open by now: done, with the reason kept
            String why = email.isEmpty() ? "not sent: nothing open" : "not sent: no address or account disabled";
            jdbi.useExtension(OutboxDao.class, outbox -> outbox.done(id, clock.instant(), why));
            return false;
        }
        try {
            mailer.send(
                    messageId(id),
                    row.email(),
                    email.get().subject(),
                    email.get().body());
        } catch (MessagingException | RuntimeException e) {
            Instant next = clock.instant().plus(backoff(row.attempts()));
            // the exception's class only: its message may echo the address or the server's credentials prompt
            String error = e.getClass().getSimpleName();
            LOG.warn("Email {} not sent (attempt {}): {}; next try at {}", id, row.attempts(), error, next);
            jdbi.useExtension(OutboxDao.class, outbox -> outbox.failed(id, next, error));
            return false;
        }
        jdbi.useExtension(OutboxDao.class, outbox -> outbox.done(id, clock.instant(), null));
        return true;
    }

    private Optional<EmailText.Email> text(OutboxDao.Pending row) {
        if ("digest".equals(row.kind())) {
            List<String> refs = jdbi.withExtension(OutboxDao.class, outbox -> outbox.openCaseRefs(row.username()));
            return refs.isEmpty() ? Optional.empty() : Optional.of(EmailText.digest(refs, settings.getBaseUrl()));
        }
        String site = row.siteName() == null ? "your site" : row.siteName();
        return Optional.of(EmailText.alert(site, settings.getBaseUrl()));
    }

    /** The wait after the {@code attempts}th failure: retryAfter, doubling, at most retryAtMost. */
    Duration backoff(int attempts) {
        Duration first = settings.getRetryAfter().toJavaDuration();
        Duration ceiling = settings.getRetryAtMost().toJavaDuration();
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }

    /** The outbox row's id as a Message-ID: the idempotency key a recipient's mail system sees. */
    public static String messageId(String outboxId) {
        return "<" + outboxId + "@desist>";
    }
}
