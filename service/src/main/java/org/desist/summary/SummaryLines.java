package org.desist.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes a summary's body, section by section. An empty section, table or list prints "None recorded"
 * (or what the caller says instead), never a blank or a table of headers alone; a missing value prints
 * "Not recorded". A subheading and a table's column titles head a block (see {@link SummaryLine}), so the
 * template can keep them with the lines under them.
 */
public final class SummaryLines {
    public static final int MAX_COLUMNS = 4;
    static final String NOT_RECORDED = "Not recorded";
    static final String NONE_RECORDED = "None recorded";
    private static final String[] NO_HEADER = new String[0];

    private final List<SummaryLine> lines = new ArrayList<>();
    private String section;
    private int linesInSection;
    private int block;
    private String caption;
    private String[] header = NO_HEADER;
    private int linesInBlock;

    /** Starts a section; closes the previous one with "None recorded" if nothing was written in it. */
    public SummaryLines section(String title) {
        closeSection();
        section = title;
        linesInSection = 0;
        startBlock(null, NO_HEADER);
        return this;
    }

    public SummaryLines field(String label, String value) {
        leaveTable();
        return add(SummaryLine.Kind.FIELD, label, orNotRecorded(value));
    }

    /** A heading within a section: it heads the lines that follow, up to the next subheading or table. */
    public SummaryLines subheading(String text) {
        startBlock(text, NO_HEADER);
        return this;
    }

    public SummaryLines paragraph(String label, String text) {
        leaveTable();
        return add(SummaryLine.Kind.PARAGRAPH, label, orNotRecorded(text));
    }

    public SummaryLines none() {
        return none(NONE_RECORDED);
    }

    /** Nothing to show, said the way the reader needs it ("None in force", "None booked"). */
    public SummaryLines none(String saying) {
        leaveTable();
        return add(SummaryLine.Kind.NONE, null, saying);
    }

    /** A table of up to four columns; the rows {@code flagged} picks are printed for attention. */
    public <T> SummaryLines table(
            List<String> header, Collection<T> rows, Function<T, List<String>> cells, Predicate<T> flagged) {
        return table(header, rows, cells, flagged, NONE_RECORDED);
    }

    /** As above; an empty table says {@code whenEmpty}. */
    public <T> SummaryLines table(
            List<String> header,
            Collection<T> rows,
            Function<T, List<String>> cells,
            Predicate<T> flagged,
            String whenEmpty) {
        if (header.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("A summary table has at most " + MAX_COLUMNS + " columns: " + header);
        }
        String[] titles = rows.isEmpty() ? NO_HEADER : header.toArray(String[]::new);
        if (caption != null && linesInBlock == 0) {
            this.header = titles; // right under its subheading: the table is that block
        } else {
            startBlock(null, titles);
        }
        if (rows.isEmpty()) {
            add(SummaryLine.Kind.NONE, null, whenEmpty);
        }
        for (T row : rows) {
            List<String> values = cells.apply(row);
            if (values.size() > header.size()) {
                throw new IllegalArgumentException("More cells than columns: " + values + " under " + header);
            }
            add(
                    flagged.test(row) ? SummaryLine.Kind.FLAGGED_ROW : SummaryLine.Kind.ROW,
                    null,
                    null,
                    values.toArray(String[]::new));
        }
        // what follows the table is not under its column titles
        startBlock(null, NO_HEADER);
        return this;
    }

    public <T> SummaryLines table(List<String> header, Collection<T> rows, Function<T, List<String>> cells) {
        return table(header, rows, cells, row -> false);
    }

    public List<SummaryLine> lines() {
        closeSection();
        return List.copyOf(lines);
    }

    private void leaveTable() {
        if (header.length > 0) {
            startBlock(null, NO_HEADER);
        }
    }

    /** A new block; a subheading left with nothing under it says "None recorded" first. */
    private void startBlock(String newCaption, String[] newHeader) {
        if (caption != null && linesInBlock == 0) {
            add(SummaryLine.Kind.NONE, null, NONE_RECORDED);
        }
        block++;
        caption = newCaption;
        header = newHeader;
        linesInBlock = 0;
    }

    private SummaryLines add(SummaryLine.Kind kind, String label, String text, String... cells) {
        if (section == null) {
            throw new IllegalStateException("Start a section before writing lines");
        }
        lines.add(new SummaryLine(section, block, caption, header, kind, label, text, cells));
        linesInSection++;
        linesInBlock++;
        return this;
    }

    private void closeSection() {
        if (section != null && caption != null && linesInBlock == 0) {
            add(SummaryLine.Kind.NONE, null, NONE_RECORDED);
        }
        if (section != null && linesInSection == 0) {
            add(SummaryLine.Kind.NONE, null, NONE_RECORDED);
        }
    }

    private static String orNotRecorded(String value) {
        return value == null || value.isBlank() ? NOT_RECORDED : value;
    }
}
