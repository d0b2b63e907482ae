package org.desist.cases;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.desist.enrolment.EnrolmentState;
import org.desist.participant.Participant;
import org.desist.referral.Priority;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** "Your cases": the search, one page of the cases found, and links to the pages either side. */
public final class CaseListPage extends Page {
    /**
     * What the viewer searched for. The links to other pages keep the filters; a typed term (a name, a number) is
     * kept only in the forms that ask for those pages, never in a link.
     */
    public record Filters(String q, String enrolmentState, String priority, int page) {
        MultivaluedMap<String, String> sent() {
            MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
            put(values, "q", q);
            put(values, "enrolmentState", enrolmentState);
            put(values, "priority", priority);
            return values;
        }

        boolean typed() {
            return q != null && !q.isBlank();
        }

        boolean any() {
            return !sent().isEmpty();
        }

        String link(int toPage) {
            Map<String, String> terms = new LinkedHashMap<>();
            sent().forEach((name, value) -> terms.put(name, value.get(0)));
            terms.put("page", String.valueOf(toPage));
            return "/cases?"
                    + terms.entrySet().stream()
                            .map(term ->
                                    term.getKey() + "=" + URLEncoder.encode(term.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"));
        }

        private static void put(MultivaluedMap<String, String> values, String name, String value) {
            if (value != null && !value.isBlank()) {
                values.putSingle(name, value);
            }
        }
    }

    public record Row(String name, String caseRef, String dateOfBirth, String site, String href) {}

    public record Option(String value, String label) {}

    private final Filters filters;
    private final List<Participant> found;
    private final boolean more;

    CaseListPage(Viewer viewer, Filters filters, List<Participant> found, boolean more) {
        super("cases/list.ftlh", viewer, "Your cases");
        this.filters = filters;
        this.found = found;
        this.more = more;
    }

    /** The page number asked for: a whole number from 1; anything else is the first page. */
    static int page(String asked) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(asked.strip()), 100_000));
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    /** Null when the search was refused (nothing was looked for). */
    public List<Row> getRows() {
        if (found == null) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (Participant p : found) {
            rows.add(new Row(
                    p.givenName() + " " + p.familyName(),
                    p.caseRef(),
                    CasePage.day(p.dateOfBirth()),
                    p.siteCode(),
                    "/cases/" + p.id()));
        }
        return rows;
    }

    public boolean isFiltered() {
        return filters.any();
    }

    public int getPage() {
        return filters.page();
    }

    public String getPreviousLink() {
        return filters.page() > 1 && !filters.typed() ? filters.link(filters.page() - 1) : null;
    }

    public String getNextLink() {
        return more && !filters.typed() ? filters.link(filters.page() + 1) : null;
    }

    /** The search typed, for the forms that ask for the pages either side; null when the links do. */
    public Map<String, String> getPagingForm() {
        if (!filters.typed() || !(more || filters.page() > 1)) {
            return null;
        }
        Map<String, String> terms = new LinkedHashMap<>();
        filters.sent().forEach((name, value) -> terms.put(name, value.get(0)));
        return terms;
    }

    public boolean isMore() {
        return more;
    }

    public List<Option> getEnrolmentStates() {
        return Arrays.stream(EnrolmentState.values())
                .map(state -> new Option(state.name(), CasePage.words(state.name())))
                .toList();
    }

    public List<Option> getPriorities() {
        return Arrays.stream(Priority.values())
                .map(priority -> new Option(priority.name(), CasePage.words(priority.name())))
                .toList();
    }
}
