package org.desist.pdf;

import io.dropwizard.lifecycle.Managed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.desist.summary.SummaryLine;
import org.desist.summary.SummaryLines;
import org.desist.summary.SummaryPdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders before anyone asks. Once at start-up, each master with every kind of line: a machine that
 * cannot render (no fonts, a broken template) then fails to start rather than on the first download.
 * Then, in the background, a few dozen documents of several pages: measured, a fresh JVM renders the
 * first summaries five to ten times slower than it does once the JIT has compiled Jasper's fill and
 * export, and the first probation officer after a restart should not wait for that.
 */
public final class RenderRehearsal implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RenderRehearsal.class);
    /** The JIT's work is kept for the life of the JVM: warm it once, however many apps it starts. */
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private final SummaryPdf pdf;
    private final int backgroundRenders;
    private Thread warmUp;

    public RenderRehearsal(SummaryPdf pdf, int backgroundRenders) {
        this.pdf = pdf;
        this.backgroundRenders = backgroundRenders;
    }

    /** Renders each master once; returns the time it took in milliseconds. Throws if rendering fails. */
    public long rehearse() {
        long started = System.nanoTime();
        for (String master : ReportTemplates.MASTERS) {
            pdf.render(cover(master), sample(1));
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void start() {
        if (backgroundRenders > 0 && WARMED.compareAndSet(false, true)) {
            warmUp = new Thread(this::warmUp, "summary-pdf-warm-up");
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
        List<SummaryLine> document = sample(12);
        int rendered = 0;
        try {
            while (rendered < backgroundRenders && !Thread.currentThread().isInterrupted()) {
                pdf.render(cover(ReportTemplates.MASTERS.get(rendered % ReportTemplates.MASTERS.size())), document);
                rendered++;
            }
            LOG.info("Warmed the case summary PDFs with {} renders in {} ms", rendered,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("Warming the case summary PDFs stopped after {} renders", rendered, e);
        }
    }

    private static SummaryPdf.Cover cover(String master) {
        return new SummaryPdf.Cover(master, "REHEARSAL", "Rehearsal", "Generated at start-up", "Rehearsal",
                "Rehearsal");
    }

    /** Every kind of line, {@code sections} times over: one section is a page or so. */
    public static List<SummaryLine> sample(int sections) {
        SummaryLines lines = new SummaryLines();
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < 4; row++) {
            rows.add(List.of("1 Jun 2026", "Breach of order", "Police", "Sent three messages via a new account"));
        }
        for (int section = 1; section <= sections; section++) {
            lines.section(section + ". Rehearsal").field("Field", "value").field("Missing", null)
                    .subheading("Subheading")
                    .table(List.of("Date", "Kind", "Source", "Details"), rows, row -> row, row -> row == rows.get(0))
                    .paragraph("2 Mar 2026 \u2014 Individual therapy", "A paragraph long enough to wrap over more"
                            + " than one line of the page, as session notes and conditions of orders do. ".repeat(3));
        }
        return lines.section("Empty").lines();
    }
}
