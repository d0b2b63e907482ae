package org.desist.summary;

/**
 * One line of a summary's body as {@code reports/summary-body.jrxml} lays it out. A JavaBean, not a
 * record: Jasper's bean data source reads getters. Every line belongs to a section, whose title the
 * template prints once as the section's heading, and to a block within it: a table, or the lines under
 * a subheading. The block's caption (the subheading) and a table's column titles are carried by each of
 * its lines and printed by the template as the block's header, which never ends a page on its own and is
 * printed again at the top of the next page when the block goes on over it.
 */
public final class SummaryLine {

    /** How the line is laid out; the template has one band per kind. */
    public enum Kind {
        /** label and value side by side */
        FIELD,
        /** up to four cells */
        ROW,
        /** a row that needs the reader's attention (an overdue action, a measure in force) */
        FLAGGED_ROW,
        /** free text that wraps, under an optional label; moved whole to the next page if it fits there */
        PARAGRAPH,
        /** "None recorded" or the like: the section, block or table has nothing in it */
        NONE
    }

    private final String section;
    private final int block;
    private final String caption;
    private final String[] header;
    private final Kind kind;
    private final String label;
    private final String text;
    private final String[] cells;

    SummaryLine(
            String section,
            int block,
            String caption,
            String[] header,
            Kind kind,
            String label,
            String text,
            String... cells) {
        this.section = section;
        this.block = block;
        this.caption = caption;
        this.header = header;
        this.kind = kind;
        this.label = label;
        this.text = text;
        this.cells = cells;
    }

    public String getSection() {
        return section;
    }

    /** Numbers the blocks of the whole document: a new number starts a new block. */
    public Integer getBlock() {
        return block;
    }

    /** The block's subheading, or null. */
    public String getCaption() {
        return caption;
    }

    public String getH1() {
        return at(header, 0);
    }

    public String getH2() {
        return at(header, 1);
    }

    public String getH3() {
        return at(header, 2);
    }

    public String getH4() {
        return at(header, 3);
    }

    public String getKind() {
        return kind.name();
    }

    public String getLabel() {
        return label;
    }

    public String getText() {
        return text;
    }

    public String getC1() {
        return at(cells, 0);
    }

    public String getC2() {
        return at(cells, 1);
    }

    public String getC3() {
        return at(cells, 2);
    }

    public String getC4() {
        return at(cells, 3);
    }

    private static String at(String[] values, int index) {
        return index < values.length ? values[index] : null;
    }

    /** All the text the line prints, for tests and logs. */
    @Override
    public String toString() {
        return section + " | " + (caption == null ? "" : caption + " | ") + kind + " | "
                + (label == null ? "" : label + ": ") + (text == null ? "" : text)
                + (cells.length == 0
                        ? ""
                        : " "
                                + String.join(
                                        " | ",
                                        java.util.Arrays.stream(cells)
                                                .map(cell -> cell == null ? "" : cell)
                                                .toList()));
    }
}
