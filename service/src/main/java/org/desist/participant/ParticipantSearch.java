package org.desist.participant;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * The terms GET /participants searches by, compared as {@link MatchKey} compares identities. Fields are named as
 * their parameters, since a violation names the field.
 */
public class ParticipantSearch {
    @QueryParam("q")
    @Size(max = 200)
    @Parameter(
            description = "Part of the name (either order) or of the case reference; case, spacing and accents"
                    + " are ignored")
    private String q;

    @QueryParam("nhsNumber")
    @Size(max = 20)
    @Parameter(description = "The whole NHS number; spaces are ignored", example = "943 476 5919")
    private String nhsNumber;

    @QueryParam("pncId")
    @Size(max = 20)
    @Parameter(description = "The whole PNC id; case and spaces are ignored", example = "2019/0012345A")
    private String pncId;

    @QueryParam("dateOfBirth")
    @Parameter(description = "The date of birth (yyyy-mm-dd)", example = "1987-03-14")
    private LocalDate dateOfBirth;

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
}
