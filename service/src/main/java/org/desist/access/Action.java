package org.desist.access;

/**
 * Everything a caller can ask of the API, one constant per kind of call. {@link AccessPolicy} says
 * which roles may do each; a resource method names its action with {@link Requires}.
 */
public enum Action {
    API_DESCRIPTION("api", false),
    /** The screens' sign-in form and the first administrator's set-up link: answered before anyone signs in. */
    SIGN_IN("browser_session", false),
    /** The screens' home page, and signing out: anyone signed in. */
    HOME("browser_session", false),
    REFERENCE_READ("reference", false),
    SITE_READ("site", false),
    SITE_OPEN("site", false),
    COHORT_READ("cohort", false),
    COHORT_OPEN("cohort", false),
    REFERRAL_RECEIVE("referral", true),
    REFERRAL_READ("referral", true),
    REFERRAL_REVIEW("referral", true),
    PARTICIPANT_READ("participant", true),
    PARTICIPANT_AMEND("participant", true),
    /** Merge a participant entered twice into the one that survives, with every record of the case. */
    PARTICIPANT_MERGE("participant", true),
    ENROLMENT_OPEN("enrolment", true),
    ENROLMENT_READ("enrolment", true),
    ENROLMENT_MOVE("enrolment", true),
    SUBJECT_ACCESS("subject_access", true),
    ASSESSMENT_RECORD("assessment", true),
    ASSESSMENT_READ("assessment", true),
    SESSION_RECORD("session", true),
    SESSION_READ("session", true),
    SERVICE_REFERRAL_RECORD("service_referral", true),
    SERVICE_REFERRAL_READ("service_referral", true),
    PLAN_ACTION_RECORD("plan_action", true),
    PLAN_ACTION_READ("plan_action", true),
    LEGAL_MEASURE_RECORD("legal_measure", true),
    LEGAL_MEASURE_READ("legal_measure", true),
    VICTIM_SAFETY_RECORD("victim_safety", true),
    VICTIM_SAFETY_READ("victim_safety", true),
    DESISTANCE_REVIEW_RECORD("desistance_review", true),
    DESISTANCE_REVIEW_READ("desistance_review", true),
    INCIDENT_RECORD("incident", true),
    INCIDENT_READ("incident", true),
    TIMELINE_READ("timeline", true),
    PROGRESS_READ("progress", true),
    SUMMARY_PROBATION("probation_summary", true),
    SUMMARY_CPS("cps_summary", true),
    COHORT_REPORT("cohort_report", false),
    PROGRAMME_COMPARISON("programme_comparison", false),
    PROGRAMME_EXPORT("programme_export", true),
    TOKEN_ISSUE("token", false),
    TOKEN_REVOKE("token", false),
    USER_ADMIN("user", false),
    /** Self-service: change one's own password; the one thing an account with a temporary password may do. */
    OWN_PASSWORD_CHANGE("account", false),
    /** Self-service: read and change one's own email address for alerts. */
    OWN_EMAIL("account", false),
    /** Self-service: list one's own tokens, end them all ("sign out everywhere"). */
    OWN_TOKENS("token", false),
    /**
     * Self-service: enrol one's own second factor, and present it at the screens' second step of sign-in. With
     * a password alone, this and getting a token (which needs the code) are all an account may do.
     */
    SECOND_FACTOR("second_factor", false),
    AUDIT_READ("audit", false),
    /** One's own alerts (as a case's team member or a site's reviewer), and the inbox page. */
    ALERT_READ("alert", true),
    /** Acknowledge one's own alert with a note. */
    ALERT_ACKNOWLEDGE("alert", true),
    /** The daily review meeting's agenda of a site: each part only as far as the caller may read its kind. */
    REVIEW_AGENDA("review_agenda", true),
    /** A case's team: who holds which part, now and before. */
    TEAM_READ("case_team", true),
    /** Allocate an account to a part on a case, or end an allocation. */
    TEAM_ALLOCATE("case_team", true),
    /** Move every open allocation of one account at a site to another (someone leaves or moves). */
    TEAM_REALLOCATE("case_team", true),
    /** One's own caseload: the cases one holds a part on. */
    CASELOAD_READ("case_team", true),
    /** A case's ledger of disclosures: which document went to whom, when and what for. */
    DISCLOSURE_READ("disclosure", true),
    /** The data protection officer's queue of closed cases due for retention review, every site's. */
    RETENTION_REVIEW("retention_decision", true),
    /** Retain a case due for review until a day, or dispose of it (erasing it). */
    RETENTION_DECIDE("retention_decision", true),
    /** Place or lift a legal hold, which blocks disposal. */
    LEGAL_HOLD("legal_hold", true),
    /** Open another site's case for an hour, read-only, stating a reason (break-glass). */
    BREAK_GLASS_OPEN("break_glass", true),
    /** One's own break-glass grants, running and expired. */
    BREAK_GLASS_READ("break_glass", true),
    /** Restrict processing of a case (UK GDPR art. 18), or lift the restriction. */
    RESTRICTION("restriction", true);

    private final String resourceType;
    private final boolean caseData;

    Action(String resourceType, boolean caseData) {
        this.resourceType = resourceType;
        this.caseData = caseData;
    }

    /** The resource type named in audit rows. */
    public String resourceType() {
        return resourceType;
    }

    /** Case data: reads and writes of it are audited and scoped to the caller's sites. */
    public boolean isCaseData() {
        return caseData;
    }
}
