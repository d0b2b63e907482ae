package org.desist.participant;

/** The human case reference {@code <SITE>-<YEAR>-<NNNN>}, numbered per site and year from 1. */
public final class CaseReference {
    private CaseReference() {}

    public static String of(String siteCode, int year, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("case numbers start at 1");
        }
        return String.format("%s-%04d-%04d", siteCode, year, number);
    }
}
