package org.desist.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kinds of case record under a participant, by their collection's address, each with a valid body. */
public enum RecordKind {
    ASSESSMENTS("assessments"),
    SESSIONS("sessions"),
    SERVICE_REFERRALS("service-referrals"),
    PLAN_ACTIONS("risk-plan/actions"),
    LEGAL_MEASURES("legal-measures"),
    VICTIM_SAFETY("victim-safety"),
    DESISTANCE_REVIEWS("desistance-reviews"),
    INCIDENTS("incidents");

    public final String path;

    RecordKind(String path) {
        this.path = path;
    }

    /** The collection's address as the OpenAPI description and the access matrix name it. */
    public String endpoint() {
        return "/api/participants/{id}/" + path;
    }

    /** The kind whose collection a path template under /participants/{id} belongs to. */
    public static Optional<RecordKind> of(String template) {
        for (RecordKind kind : values()) {
            if (template.startsWith("/participants/{id}/" + kind.path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Map<String, Object> riskRatings() {
        return Map.of(
                "violence", "low", "persistence", "high", "recurrence", "moderate", "psychosocial_damage", "high");
    }

    /** A valid record of this kind, with {@code text} (if any) in its free text, or lacking any, a name. */
    public Map<String, Object> validBody(String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (this) {
            case ASSESSMENTS -> {
                body.put("kind", "risk");
                body.put("assessedOn", "2026-02-20");
                body.put("assessor", with("Dr A. Mensah", text));
                body.put("instrument", "SRP");
                body.put("riskRatings", riskRatings());
                body.put("overallRisk", "high");
                body.put("stalkerType", "rejected");
                body.put("relationship", "ex_intimate");
                body.put("diagnoses", List.of(Map.of("system", "ICD-10", "code", "F60.3", "label", "EUPD")));
                body.put("substanceMisuse", List.of("alcohol"));
                body.put("formulation", with("Grievance after rejection", text));
            }
            case SESSIONS -> {
                body.put("kind", "individual_therapy");
                body.put("scheduledAt", "2026-03-02T10:00:00Z");
                body.put("durationMinutes", 50);
                body.put("facilitator", with("Dr A. Okafor", text));
            }
            case SERVICE_REFERRALS -> {
                body.put("service", "substance_misuse");
                body.put("kind", "alcohol");
                body.put("provider", "Northside Community Alcohol Team");
                body.put("madeOn", "2026-03-02");
                body.put("reason", with("Drinks before contacting the victim", text));
            }
            case PLAN_ACTIONS -> {
                body.put("action", with("Serve the stalking protection order", text));
                body.put("agency", "police");
                body.put("owner", "DC 4521 Patel");
                body.put("dueOn", "2026-03-20");
                body.put("reviewOn", "2026-04-03");
            }
            case LEGAL_MEASURES -> {
                body.put("kind", "stalking_protection_order");
                body.put("from", "2026-02-05");
                body.put("conditions", with("Not to contact the victim", text));
            }
            case VICTIM_SAFETY -> {
                body.put("raisedOn", "2026-03-10");
                body.put("concern", with("Victim saw his car outside her workplace", text));
                body.put("actionTaken", "Safety plan reviewed");
            }
            case DESISTANCE_REVIEWS -> {
                body.put("reviewedOn", "2026-03-01");
                body.put("riskRatings", riskRatings());
                body.put("fixation", 6);
                body.put("victimContactSinceLastReview", false);
                body.put("engagement", 3);
                body.put("narrative", with("Fixation easing", text));
            }
            case INCIDENTS -> {
                body.put("kind", "contact_with_victim");
                body.put("occurredOn", "2026-03-01");
                body.put("source", "police");
                body.put("details", with("Messages from a new account", text));
            }
        }
        return body;
    }

    private static String with(String base, String text) {
        return text.isEmpty() ? base : base + " " + text;
    }
}
