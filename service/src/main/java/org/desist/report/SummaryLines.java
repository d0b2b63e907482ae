package org.desist.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes a summary's body, section by section. An empty section, table or list prints "None recorded",
 * never a blank or a table of headers alone; a missing value prints "Not recorded".
 */
public final class SummaryLines {
    public static final int MAX_COLUMNS = 4;
    static final String NOT_RECORDED = "Not recorded";
    static final String NONE_RECORDED = "None recorded";

    private final List<SummaryLine> lines = new ArrayList<>();
    private String section;
    private int linesInSection;

    /** Starts a section; closes the previous one with "None recorded" if nothing was written in it. */
    public SummaryLines section(String title) {
        closeSection();
        section = title;
        linesInSection = 0;
        return this;
    }

    public SummaryLines field(String label, String value) {
        return add(new SummaryLine(section, SummaryLine.Kind.FIELD, label, orNotRecorded(value)));
    }

    public SummaryLines subheading(String text) {
        return add(new SummaryLine(section, SummaryLine.Kind.SUBHEADING, null, text));
    }

    public SummaryLines paragraph(String label, String text) {
        return add(new SummaryLine(section, SummaryLine.Kind.PARAGRAPH, label, orNotRecorded(text)));
    }

    public SummaryLines none() {
        return none(NONE_RECORDED);
    }

    /** Nothing to show, said the way the reader needs it ("None in force", "None booked"). */
    public SummaryLines none(String saying) {
        return add(new SummaryLine(section, SummaryLine.Kind.NONE, null, saying));
    }

    /** A table of up to four columns; the rows {@code flagged} picks are printed for attention. */
    public <T> SummaryLines table(List<String> header, Collection<T> rows, Function<T, List<String>> cells,
                                  Predicate<T> flagged) {
        return table(header, rows, cells, flagged, NONE_RECORDED);
    }

    /** As above; an empty table says {@code whenEmpty}. */
    public <T> SummaryLines table(List<String> header, Collection<T> rows, Function<T, List<String>> cells,
                                  Predicate<T> flagged, String whenEmpty) {
        if (header.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("A summary table has at most " + MAX_COLUMNS + " columns: " + header);
        }
        if (rows.isEmpty()) {
            return none(whenEmpty);
        }
        add(new SummaryLine(section, SummaryLine.Kind.TABLE_HEADER, null, null, header.toArray(String[]::new)));
        for (T row : rows) {
            List<String> values = cells.apply(row);
            if (values.size() > header.size()) {
                throw new IllegalArgumentException("More cells than columns: " + values + " under " + header);
            }
            add(new SummaryLine(section, flagged.test(row) ? SummaryLine.Kind.FLAGGED_ROW : SummaryLine.Kind.ROW,
                    null, null, values.toArray(String[]::new)));
        }
        return this;
    }

    public <T> SummaryLines table(List<String> header, Collection<T> rows, Function<T, List<String>> cells) {
        return table(header, rows, cells, row -> false);
    }

    public List<SummaryLine> lines() {
        closeSection();
        return List.copyOf(lines);
    }

    private SummaryLines add(SummaryLine line) {
        if (section == null) {
            throw new IllegalStateException("Start a section before writing lines");
        }
        lines.add(line);
        linesInSection++;
        return this;
    }

    private void closeSection() {
        if (section != null && linesInSection == 0) {
            none();
        }
    }

    private static String orNotRecorded(String value) {
        return value == null || value.isBlank() ? NOT_RECORDED : value;
    }
}
