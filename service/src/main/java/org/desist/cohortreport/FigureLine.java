package org.desist.cohortreport;

/**
 * One printed line of the cohort report PDF: a figure with its period and value, or a paragraph of the
 * method note (no period, no value). A JavaBean, because Jasper reads getters, not records.
 */
public final class FigureLine {
    private final String section;
    private final String label;
    private final String period;
    private final String value;

    public FigureLine(String section, String label, String period, String value) {
        this.section = section;
        this.label = label;
        this.period = period;
        this.value = value;
    }

    static FigureLine note(String section, String text) {
        return new FigureLine(section, text, null, null);
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

    public String getValue() {
        return value;
    }
}
