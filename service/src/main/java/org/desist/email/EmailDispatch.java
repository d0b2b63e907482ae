package org.desist.email;

import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox on this instance every {@code email.sendEvery}: queues the day's digests when due, then sends
 * what is due. Every instance may run it (claims and the digest index keep them apart). With no SMTP host, it
 * says once that email is off and does nothing: the outbox rows wait until a host is configured.
 */
public class EmailDispatch implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatch.class);

    private final EmailSettings settings;
    private final Digests digests;
    private final OutboxDelivery delivery;
    private ScheduledExecutorService scheduler;

    public EmailDispatch(Jdbi jdbi, EmailSettings settings, Clock clock) {
        if (settings.isOn() && (settings.getFrom() == null || settings.getFrom().isBlank())) {
            throw new IllegalStateException("email.from (DESIST_SMTP_FROM) must be set when email.host is");
        }
        this.settings = settings;
        this.digests = new Digests(jdbi, settings.getDigestHour(), clock);
        this.delivery = settings.isOn() ? new OutboxDelivery(jdbi, new SmtpMailer(settings), settings, clock) : null;
    }

    @Override
    public void start() {
        if (delivery == null) {
            LOG.info("Email is off: no email.host (DESIST_SMTP_HOST) is set; alerts wait in the inbox, their email"
                    + " in the outbox");
            return;
        }
        LOG.info("Email is on: alerts and digests are sent through {}:{}", settings.getHost(), settings.getPort());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "email-outbox");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.getSendEvery().toMilliseconds();
        scheduler.scheduleWithFixedDelay(this::runOnce, every, every, TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            digests.queueDue();
            delivery.deliverDue();
        } catch (RuntimeException e) {
            // the next run tries again; the class only, as a message could carry an address
            LOG.warn("The email outbox run failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
