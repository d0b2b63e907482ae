package org.desist.readmodel;

/**
 * What the programme's figures and its evaluation export both count by, as SQL: which enrolment states are
 * exits, which incidents are reoffences, and how a query keeps to a caller's sites. Defined here once, so the
 * export's rows and the figures' aggregates cannot disagree.
 */
public final class CountingRules {
    /** Enrolment states that end an enrolment after it reached 'enrolled': the exits. */
    public static final String EXIT_STATES = "('completed', 'withdrawn', 'disengaged', 'breached', 'transferred')";
    /** Exits that are not a completion or a transfer: the drop-outs. */
    public static final String DROP_OUT_STATES = "('withdrawn', 'disengaged', 'breached')";
    /** Incidents that count as reoffending after exit. */
    public static final String REOFFENCES = "('new_allegation', 'charge', 'conviction')";

    private CountingRules() {}

    /** The SQL condition keeping rows of the sites bound as {@code allSites} and {@code sites} (access.SiteScope). */
    public static String inScope(String siteColumn) {
        return "(:allSites = 1 OR " + siteColumn + " IN (<sites>))";
    }
}
