package org.desist.audit;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for audit rows that no other write carries (reads, exports, denials). Each request
 * hands its row over and waits until the row is committed; one thread commits whatever has queued
 * in one transaction. Reads stay durable-before-response without paying one fsync each.
 */
public class ReadAuditWriter implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAuditWriter.class);
    private static final int MAX_BATCH = 512;
    private static final long WAIT_SECONDS = 30;

    private record Pending(AuditEvent event, CompletableFuture<Void> done) {}

    private final Jdbi jdbi;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(100_000);
    private Thread thread;
    private volatile boolean running;

    public ReadAuditWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Returns once the row is committed; fails (and so does the request) if it could not be. */
    public void recordDurably(AuditEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        try {
            if (!running || !queue.offer(pending, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The audit log is not accepting rows");
            }
            pending.done().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the audit log", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The audit row could not be written", e);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "audit-group-commit");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        commit(left);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle ->
                    AuditChain.append(handle, batch.stream().map(Pending::event).toList()));
            batch.forEach(pending -> pending.done().complete(null));
        } catch (RuntimeException e) {
            LOG.error("Could not commit {} audit rows; their requests fail", batch.size(), e);
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }
}
