package org.desist.disclosure;

/**
 * Each kind of document Desist hands out, as the ledger and the audit row name it (the {@code disclosure.kind}
 * column's CHECK lists the same names).
 */
public enum DocumentKind {
    probation_summary,
    cps_summary,
    cohort_report_pdf,
    cohort_report_csv,
    programme_report_pdf,
    programme_comparison_csv,
    programme_export,
    review_agenda_pdf,
    subject_access
}
