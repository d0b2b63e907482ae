package org.desist.dashboard;

import java.util.List;

/**
 * One chart of a dashboard page: its SVG, its data as a table (the accessible equivalent: the very values drawn) and
 * its figure's definition (HTML from docs/metrics.md; null where it has none).
 */
public record Chart(String id, String title, String svg, String definition, Table table) {

    /** A column per series; a line per group (a site) or per month. */
    public record Table(List<String> columns, List<Line> lines) {}

    public record Line(String label, String group, List<Cell> cells) {}

    /** A value and the JSON row it is (figure, breakdown, period), so that a test can find that row. */
    public record Cell(String figure, String breakdown, String periodStart, String periodEnd, String shown) {}
}
