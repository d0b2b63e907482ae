package org.desist.cohortreport;

import java.util.List;

/**
 * One printed line of the programme report's table: a figure and its value for each of up to
 * {@link ProgrammeReportPdf#COLUMNS} groups named in {@code columns}, or a paragraph of the method note
 * (no columns). A JavaBean, because Jasper reads getters, not records.
 */
public final class ComparisonLine {
    private final String block;
    private final String section;
    private final String label;
    private final String period;
    private final List<String> columns;
    private final List<String> cells;

    ComparisonLine(
            String block, String section, String label, String period, List<String> columns, List<String> cells) {
        this.block = block;
        this.section = section;
        this.label = label;
        this.period = period;
        this.columns = columns;
        this.cells = cells;
    }

    /** Which groups' table this line is in, when there are more groups than fit across a page. */
    public String getBlock() {
        return block;
    }

    public String getSection() {
        return section;
    }

    public String getLabel() {
        return label;
    }

    public String getPeriod() {
        return period;
    }

    /** The groups' names, one a column; null on a paragraph. */
    public List<String> getColumns() {
        return columns;
    }

    /** The values as printed, one a column; null on a paragraph. */
    public List<String> getCells() {
        return cells;
    }
}
