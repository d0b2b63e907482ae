package org.desist.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The eleven yes/no answers of an S-DASH stalking screening, keyed q1..q11 as the reference data
 * ({@code GET /api/reference/screening-questions}) words them. Every question must be answered.
 */
@AllAnswered
@Schema(
        description = "Every key q1..q11 is required: true for yes, false for no",
        requiredProperties = {"q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"})
public record ScreeningAnswers(
        Boolean q1,
        Boolean q2,
        Boolean q3,
        Boolean q4,
        Boolean q5,
        Boolean q6,
        Boolean q7,
        Boolean q8,
        Boolean q9,
        Boolean q10,
        Boolean q11) {

    private List<Boolean> inOrder() {
        return Arrays.asList(q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11);
    }

    /** The keys left unanswered, in question order. */
    @JsonIgnore
    List<String> unanswered() {
        List<Boolean> answers = inOrder();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) == null) {
                missing.add("q" + (i + 1));
            }
        }
        return missing;
    }

    @JsonIgnore
    int yesCount() {
        return (int) inOrder().stream().filter(Boolean.TRUE::equals).count();
    }
}
