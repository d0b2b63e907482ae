package org.desist.participant;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * The terms participants are searched by, compared as {@link MatchKey} compares identities: from POST
 * /participants/search's body ({@link SearchTerms}), or GET /participants's query string for the filters (and for
 * the identifying terms only while the deprecated api.searchTermsInQuery is on, which is why they stay here, hidden
 * from the description). Fields are named as their parameters, since a violation names the field.
 */
// swagger reads a bean parameter's query parameters through Jackson's view of its properties: without this it
// saw none (no getters here) and described the whole bean as a request body of GET /participants
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ParticipantSearch {
    @QueryParam("q")
    @Size(max = 200)
    // the identifying terms: refused in the query string unless api.searchTermsInQuery (TermsOutOfAddresses)
    @Parameter(hidden = true)
    private String q;

    @QueryParam("nhsNumber")
    @Size(max = 20)
    @Parameter(hidden = true)
    private String nhsNumber;

    @QueryParam("pncId")
    @Size(max = 20)
    @Parameter(hidden = true)
    private String pncId;

    @QueryParam("dateOfBirth")
    @Parameter(hidden = true)
    private LocalDate dateOfBirth;

    // spelt out rather than typed: the enrolment and referral packages build on this one, not it on them
    @QueryParam("enrolmentState")
    @Pattern(
            regexp = "(referred|assessing|enrolled|completed|withdrawn|disengaged|breached|transferred|not_suitable)?",
            message = "must be an enrolment state")
    @Parameter(description = "The state of the participant's latest enrolment", example = "enrolled")
    private String enrolmentState;

    @QueryParam("priority")
    @Pattern(regexp = "(standard|medium|high)?", message = "must be standard, medium or high")
    @Parameter(description = "The priority the daily review gave the latest reviewed referral", example = "high")
    private String priority;

    public ParticipantSearch() {}

    public ParticipantSearch(String query, String nhsNumber, String pncId, LocalDate dateOfBirth) {
        this.q = query;
        this.nhsNumber = nhsNumber;
        this.pncId = pncId;
        this.dateOfBirth = dateOfBirth;
    }

    public String query() {
        return q == null || q.isBlank() ? null : q;
    }

    public String nhsNumber() {
        return nhsNumber == null || nhsNumber.isBlank() ? null : nhsNumber;
    }

    public String pncId() {
        return pncId == null || pncId.isBlank() ? null : pncId;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String enrolmentState() {
        return enrolmentState == null || enrolmentState.isBlank() ? null : enrolmentState;
    }

    public String priority() {
        return priority == null || priority.isBlank() ? null : priority;
    }

    /** The same terms, filtered also by where the case stands (either may be null). */
    public ParticipantSearch standing(String enrolmentState, String priority) {
        ParticipantSearch search = new ParticipantSearch(q, nhsNumber, pncId, dateOfBirth);
        search.enrolmentState = enrolmentState;
        search.priority = priority;
        return search;
    }
}
