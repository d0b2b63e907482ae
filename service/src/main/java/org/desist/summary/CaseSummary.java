package org.desist.summary;

/**
 * A case summary for one audience: what its JSON holds and its PDF prints. Sealed, one kind to an audience; each
 * kind lays itself out for print, so a kind added here cannot go without a document (Java 17 has no switch
 * over types).
 */
public sealed interface CaseSummary permits ProbationSummary, CpsSummary {
    Audience audience();

    /** The summary laid out for print. */
    SummaryDocument document();
}
