package org.desist.subject;

/**
 * The kinds of clinical record a subject access report holds: each record's table, and the type its
 * versions are kept under in record_version.
 */
enum ClinicalPart {
    assessments("assessment", "assessment"),
    sessions("session", "session"),
    serviceReferrals("service_referral", "service_referral"),
    planActions("plan_action", "plan_action"),
    legalMeasures("legal_measure", "legal_measure"),
    victimSafetyConcerns("victim_safety_concern", "victim_safety"),
    desistanceReviews("desistance_review", "desistance_review"),
    incidents("incident", "incident");

    private final String table;
    private final String recordType;

    ClinicalPart(String table, String recordType) {
        this.table = table;
        this.recordType = recordType;
    }

    String table() {
        return table;
    }

    String recordType() {
        return recordType;
    }
}
