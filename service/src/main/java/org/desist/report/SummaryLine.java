package org.desist.report;

/**
 * One line of a summary's body as {@code reports/summary-body.jrxml} lays it out. A JavaBean, not a
 * record: Jasper's bean data source reads getters. Every line belongs to a section, whose title the
 * template prints once as the section's heading.
 */
public final class SummaryLine {

    /** How the line is laid out; the template has one band per kind. */
    public enum Kind {
        /** label and value side by side */
        FIELD,
        /** a heading within a section */
        SUBHEADING,
        /** up to four column titles */
        TABLE_HEADER,
        /** up to four cells */
        ROW,
        /** a row that needs the reader's attention (an overdue action, a measure in force) */
        FLAGGED_ROW,
        /** free text that wraps and flows over pages, under an optional label */
        PARAGRAPH,
        /** "None recorded": the section has nothing in it */
        NONE
    }

    private final String section;
    private final Kind kind;
    private final String label;
    private final String text;
    private final String[] cells;

    SummaryLine(String section, Kind kind, String label, String text, String... cells) {
        this.section = section;
        this.kind = kind;
        this.label = label;
        this.text = text;
        this.cells = cells;
    }

    public String getSection() {
        return section;
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
        return cell(0);
    }

    public String getC2() {
        return cell(1);
    }

    public String getC3() {
        return cell(2);
    }

    public String getC4() {
        return cell(3);
    }

    private String cell(int index) {
        return index < cells.length ? cells[index] : null;
    }

    /** All the text the line prints, for tests and logs. */
    @Override
    public String toString() {
        return section + " | " + kind + " | " + (label == null ? "" : label + ": ") + (text == null ? "" : text)
                + (cells.length == 0 ? "" : " " + String.join(" | ", java.util.Arrays.stream(cells)
                .map(cell -> cell == null ? "" : cell).toList()));
    }
}
