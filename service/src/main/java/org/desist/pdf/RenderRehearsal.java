package org.desist.pdf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders before anyone asks. At start-up, each kind of document once, in a thread of its own while the rest of
 * the start goes on; the start then waits for it ({@link #awaitAtStart}), so that a machine that cannot render
 * (no fonts, a broken template) fails to start rather than on the first download. Then, in the background, a
 * few dozen documents of several pages: measured, a fresh JVM renders the first summaries five to ten times
 * slower than it does once the JIT has compiled Jasper's fill and export, and the first probation officer after
 * a restart should not wait for that. Both are set in the configuration ({@link Settings}); tests turn them off.
 */
public final class RenderRehearsal implements Managed, ServerLifecycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(RenderRehearsal.class);
    /**
     * The foot line of a rehearsed document: as long as a disclosure's recipient and purpose may be
     * (disclosure.DisclosureRequest), so that the longest line is known to fit its two lines.
     */
    public static final String DISCLOSED = "Disclosed to " + "Rehearsal ".repeat(10) + ", " + "Desist ".repeat(14)
            + ", for " + "the rehearsal at start-up ".repeat(7) + ", on 4 December 2026";

    /** Sections of the documents rendered in the background: a section is a page or so. */
    static final int BACKGROUND_SECTIONS = 12;

    /** A kind of document, rendered with sample content of about {@code sections} pages; throws if it cannot be. */
    public record Document(String name, Render render) {}

    @FunctionalInterface
    public interface Render {
        void render(int sections);
    }

    /** The configuration's {@code pdfRehearsal}. */
    public static final class Settings {
        private boolean atStart = true;

        @Min(0)
        private int backgroundRenders = 60;

        /** Render each kind of document once before the service serves (it does not start if one fails). */
        @JsonProperty
        public boolean isAtStart() {
            return atStart;
        }

        @JsonProperty
        public void setAtStart(boolean atStart) {
            this.atStart = atStart;
        }

        /** Documents rendered in the background once the service has started, to warm the JIT; 0 for none. */
        @JsonProperty
        public int getBackgroundRenders() {
            return backgroundRenders;
        }

        @JsonProperty
        public void setBackgroundRenders(int backgroundRenders) {
            this.backgroundRenders = backgroundRenders;
        }
    }

    private final List<Document> documents;
    private final Settings settings;
    private FutureTask<Long> atStart;
    private Thread warmUp;

    public RenderRehearsal(List<Document> documents, Settings settings) {
        this.documents = List.copyOf(documents);
        this.settings = settings;
    }

    /** Renders each document once; returns the time it took in milliseconds. Throws if rendering fails. */
    public long rehearse() {
        long started = System.nanoTime();
        documents.forEach(document -> document.render().render(1));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Begins the rehearsal at start, if the settings ask for it, in a thread of its own. */
    public void beginAtStart() {
        if (settings.isAtStart() && atStart == null) {
            atStart = new FutureTask<>(this::rehearse);
            Thread thread = new Thread(atStart, "pdf-rehearsal");
            // a start that fails elsewhere must not be kept alive by it
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Waits for the rehearsal begun at start; throws what it threw, which stops the service from starting. */
    public void awaitAtStart() throws InterruptedException {
        if (atStart == null) {
            return;
        }
        long waited = System.nanoTime();
        try {
            long took = atStart.get();
            LOG.info(
                    "Rehearsed the PDFs {} in {} ms (the start waited {} ms for it)",
                    documents.stream().map(Document::name).toList(),
                    took,
                    (System.nanoTime() - waited) / 1_000_000);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The PDF rehearsal failed", e.getCause());
        }
    }

    /** The warm-up begins once the service serves, so that it does not compete with the start for the CPU. */
    @Override
    public void serverStarted(Server server) {
        if (settings.getBackgroundRenders() > 0 && !documents.isEmpty() && warmUp == null) {
            warmUp = new Thread(this::warmUp, "pdf-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
        }
    }

    @Override
    public void stop() {
        if (warmUp != null) {
            warmUp.interrupt();
        }
    }

    private void warmUp() {
        long started = System.nanoTime();
        int rendered = 0;
        try {
            while (rendered < settings.getBackgroundRenders()
                    && !Thread.currentThread().isInterrupted()) {
                documents.get(rendered % documents.size()).render().render(BACKGROUND_SECTIONS);
                rendered++;
            }
            LOG.info("Warmed the PDFs with {} renders in {} ms", rendered, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Warming the PDFs stopped after {} renders", rendered, e);
        }
    }
}
