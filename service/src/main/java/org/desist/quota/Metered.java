package org.desist.quota;

import java.util.Optional;
import org.desist.access.Action;

/**
 * What a request costs against the quotas, decided here and nowhere else: reading case data, a PDF, or an export.
 * Every {@link Action} is named below (a new one does not compile until it is classified); any GET of case data
 * (a page's form for a change shows the case too) is a read; and a method that can answer a PDF counts as a PDF when
 * a PDF is what it answers. The API and the screens share it.
 */
public enum Metered {
    READS("reads"),
    PDFS("pdfs"),
    EXPORTS("exports");

    private final String quota;

    Metered(String quota) {
        this.quota = quota;
    }

    /** The quota's name, in config.yml, in the 429's detail, in the log and in the audit row. */
    public String quota() {
        return quota;
    }

    /** What a request of this action costs; {@code get}: whether it is a GET; {@code pdf}: whether it answers a PDF. */
    public static Optional<Metered> of(Action action, boolean get, boolean pdf) {
        if (pdf) {
            return Optional.of(PDFS);
        }
        return byAction(action).or(() -> get && action.isCaseData() ? Optional.of(READS) : Optional.empty());
    }

    private static Optional<Metered> byAction(Action action) {
        return Optional.ofNullable(
                switch (action) {
                    // the clinical record and the participant: each read of it, list or record, page or API
                    case REFERRAL_READ,
                            PARTICIPANT_READ,
                            ENROLMENT_READ,
                            ASSESSMENT_READ,
                            SESSION_READ,
                            SERVICE_REFERRAL_READ,
                            PLAN_ACTION_READ,
                            LEGAL_MEASURE_READ,
                            VICTIM_SAFETY_READ,
                            DESISTANCE_REVIEW_READ,
                            INCIDENT_READ,
                            TIMELINE_READ,
                            PROGRESS_READ,
                            SUMMARY_PROBATION,
                            SUMMARY_CPS,
                            ALERT_READ,
                            REVIEW_AGENDA,
                            TEAM_READ,
                            CASELOAD_READ,
                            DISCLOSURE_READ,
                            BREAK_GLASS_READ -> READS;
                    // bulk: a person's whole record, or the pseudonymised programme
                    case SUBJECT_ACCESS, PROGRAMME_EXPORT -> EXPORTS;
                    // changes (bounded by who may make them, and audited), figures without names,
                    // accounts, tokens, the audit trail (its readers are auditors), reference data
                    case API_DESCRIPTION,
                            SIGN_IN,
                            HOME,
                            REFERENCE_READ,
                            SITE_READ,
                            SITE_OPEN,
                            COHORT_READ,
                            COHORT_OPEN,
                            REFERRAL_RECEIVE,
                            REFERRAL_REVIEW,
                            PARTICIPANT_AMEND,
                            PARTICIPANT_MERGE,
                            ENROLMENT_OPEN,
                            ENROLMENT_MOVE,
                            ASSESSMENT_RECORD,
                            SESSION_RECORD,
                            SERVICE_REFERRAL_RECORD,
                            PLAN_ACTION_RECORD,
                            LEGAL_MEASURE_RECORD,
                            VICTIM_SAFETY_RECORD,
                            DESISTANCE_REVIEW_RECORD,
                            INCIDENT_RECORD,
                            COHORT_REPORT,
                            PROGRAMME_COMPARISON,
                            TOKEN_ISSUE,
                            TOKEN_REVOKE,
                            USER_ADMIN,
                            OWN_PASSWORD_CHANGE,
                            OWN_TOKENS,
                            OWN_EMAIL,
                            SECOND_FACTOR,
                            AUDIT_READ,
                            ALERT_ACKNOWLEDGE,
                            TEAM_ALLOCATE,
                            TEAM_REALLOCATE,
                            // issue 19: the DPO's retention queue (a GET: counted as a read) and decisions
                            RETENTION_REVIEW,
                            RETENTION_DECIDE,
                            LEGAL_HOLD,
                            BREAK_GLASS_OPEN,
                            RESTRICTION -> null;
                });
    }
}
