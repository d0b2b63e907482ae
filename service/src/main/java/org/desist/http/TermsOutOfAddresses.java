package org.desist.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names, NHS numbers, PNC ids, dates of birth and the free text of change reasons are never read from an address:
 * a query string ends up in proxies' and servers' logs and in browser histories (ASVS V14.2.1). Their query
 * parameters are refused, on every path, with 400 naming the parameter and where it goes instead; only the
 * deprecated {@code api.searchTermsInQuery} switch lets them through.
 */
@PreMatching
@Priority(3)
public class TermsOutOfAddresses implements ContainerRequestFilter {
    /** Each parameter refused, and where it is sent instead. */
    static final Map<String, String> REFUSED = refused();

    private final boolean allowed;

    /** {@code allowed}: the deprecated api.searchTermsInQuery, which lets the old query parameters through. */
    public TermsOutOfAddresses(boolean allowed) {
        this.allowed = allowed;
    }

    private static Map<String, String> refused() {
        Map<String, String> refused = new LinkedHashMap<>();
        String search = "is not accepted in the address: search with POST /api/participants/search (the terms in"
                + " its JSON body), or the search form of the cases page";
        refused.put("q", search);
        refused.put("nhsNumber", search);
        refused.put("pncId", search);
        refused.put("dateOfBirth", search);
        refused.put(
                "reason",
                "is not accepted in the address: send it in the " + ChangeReason.HEADER
                        + " header (UTF-8, percent-encoded), or a form's reason field");
        return Map.copyOf(refused);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (allowed) {
            return;
        }
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        List<FieldError> errors = REFUSED.keySet().stream()
                .filter(query::containsKey)
                .sorted()
                .map(name -> new FieldError(name, REFUSED.get(name)))
                .toList();
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new ProblemException(400, "Bad Request", first.field() + " " + first.reason(), errors);
        }
    }
}
