package org.desist.referral;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.desist.reference.ScreeningQuestion;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** One referral at the daily review: its details, and the triage form until it is reviewed, then the decision. */
public class ReviewFormPage extends Page {
    private static final Map<TriageDecision, String> DECISIONS = Map.of(
            TriageDecision.accept_for_intervention, "Accept for intervention",
            TriageDecision.community_referral_only, "Community referral only",
            TriageDecision.consultation_only, "Consultation only",
            TriageDecision.no_further_action, "No further action");
    private static final Map<Priority, String> PRIORITIES =
            Map.of(Priority.standard, "Standard", Priority.medium, "Medium", Priority.high, "High");

    private final Referral referral;
    private final List<ScreeningQuestion> questions;
    private final boolean justReviewed;

    ReviewFormPage(Viewer viewer, Referral referral, List<ScreeningQuestion> questions, boolean justReviewed) {
        super("review/referral.ftlh", viewer, "Review referral " + referral.caseRef());
        this.referral = referral;
        this.questions = questions;
        this.justReviewed = justReviewed;
    }

    public Referral getReferral() {
        return referral;
    }

    public boolean isReviewed() {
        return referral.status() == ReferralStatus.reviewed;
    }

    /** Just decided by this viewer (the page after the form): the success banner. */
    public boolean isJustReviewed() {
        return justReviewed && isReviewed();
    }

    public List<ScreeningQuestion> getQuestions() {
        return questions;
    }

    public List<Map<String, String>> getPriorities() {
        return Arrays.stream(Priority.values())
                .map(priority -> Map.of("value", priority.name(), "label", PRIORITIES.get(priority)))
                .toList();
    }

    public List<Map<String, String>> getDecisions() {
        return Arrays.stream(TriageDecision.values())
                .map(decision -> Map.of("value", decision.name(), "label", DECISIONS.get(decision)))
                .toList();
    }

    public String getDecisionLabel() {
        return referral.decision() == null ? "" : DECISIONS.get(referral.decision());
    }

    public String getPriorityLabel() {
        return referral.priority() == null ? "" : PRIORITIES.get(referral.priority());
    }

    /** The screening's answers as words by question key ("Yes", "No"); empty when no screening was recorded. */
    public Map<String, String> getAnswers() {
        if (referral.screening() == null || referral.screening().answers() == null) {
            return Map.of();
        }
        ScreeningAnswers a = referral.screening().answers();
        List<Boolean> inOrder =
                Arrays.asList(a.q1(), a.q2(), a.q3(), a.q4(), a.q5(), a.q6(), a.q7(), a.q8(), a.q9(), a.q10(), a.q11());
        Map<String, String> words = new LinkedHashMap<>();
        for (int i = 0; i < inOrder.size(); i++) {
            if (inOrder.get(i) != null) {
                words.put("q" + (i + 1), inOrder.get(i) ? "Yes" : "No");
            }
        }
        return words;
    }
}
