package org.desist.cases;

import java.util.regex.Pattern;
import org.desist.participant.ParticipantSearch;

/**
 * The one search box of "Your cases": what was typed goes to the term of GET /api/participants it looks like. Ten
 * digits (spaces allowed) are an NHS number; a year, a slash, digits and a letter a PNC id; anything else a part of
 * a name or of a case reference.
 */
final class SearchBox {
    private static final Pattern NHS_NUMBER = Pattern.compile("[0-9 ]+");
    private static final Pattern PNC_ID = Pattern.compile("\\s*\\d{2}(\\d{2})?\\s*/\\s*\\d{1,7}\\s*[A-Za-z]\\s*");

    private SearchBox() {}

    static ParticipantSearch route(String typed) {
        if (typed == null || typed.isBlank()) {
            return new ParticipantSearch(null, null, null, null);
        }
        if (NHS_NUMBER.matcher(typed).matches() && typed.replace(" ", "").length() == 10) {
            return new ParticipantSearch(null, typed, null, null);
        }
        if (PNC_ID.matcher(typed).matches()) {
            return new ParticipantSearch(null, null, typed, null);
        }
        return new ParticipantSearch(typed, null, null, null);
    }

    /** The page's input a search term came from: the box holds the name, case reference, NHS number and PNC id. */
    static String input(String term) {
        return switch (term) {
            case "nhsNumber", "pncId" -> "q";
            default -> term;
        };
    }
}
