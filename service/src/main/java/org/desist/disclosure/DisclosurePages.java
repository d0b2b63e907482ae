package org.desist.disclosure;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.desist.auth.Caller;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.http.Problems;
import org.desist.refusal.Refusal;
import org.desist.web.Screens;
import org.desist.web.Viewer;

/**
 * What stands before every download on the pages: the document is sent only once the form has named the
 * recipient and the purpose ({@link DisclosureFormPage}). A link to a download shows the form, filled with the
 * caller's last recipient and purpose from the ledger; the form sent back with a field missing shows it again
 * (400) with each field named; sent back whole, it is the download, recorded as the API records it.
 */
public final class DisclosurePages {
    static final String NAME = "recipientName";
    static final String ORGANISATION = "recipientOrganisation";
    static final String PURPOSE = DisclosureRequest.PURPOSE;
    private static final Set<String> FIELDS = Set.of(NAME, ORGANISATION, PURPOSE);

    private final Disclosures disclosures;

    public DisclosurePages(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    /**
     * The download, or the form that asks for it. {@code document} names it for the form's heading;
     * {@code send} renders, records and answers the document for a valid request.
     */
    public Response download(
            ContainerRequestContext request,
            Caller caller,
            String document,
            Function<DisclosureRequest, Response> send) {
        UriInfo uri = request.getUriInfo();
        Viewer viewer = Screens.viewer(request);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> carried = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!FIELDS.contains(name) && !values.isEmpty()) {
                carried.put(name, values.get(0));
            }
        });
        DisclosureFormPage form =
                new DisclosureFormPage(viewer, document, uri.getRequestUri().getRawPath(), carried);
        if (FIELDS.stream().noneMatch(query::containsKey)) {
            return html(200, form.shown(lastValues(caller), null));
        }
        MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
        FIELDS.forEach(field -> sent.putSingle(field, value(query, field)));
        List<FieldError> errors = new ArrayList<>();
        require(errors, sent, NAME, "Enter the recipient's name");
        require(errors, sent, ORGANISATION, "Enter the recipient's organisation");
        require(errors, sent, PURPOSE, "Enter what the document is disclosed for");
        if (sent.getFirst(NAME).contains(",")) {
            errors.add(new FieldError(NAME, "The name must not contain a comma"));
        }
        DisclosureRequest disclosure = null;
        if (errors.isEmpty()) {
            try {
                disclosure = DisclosureRequest.of(
                        sent.getFirst(NAME) + ", " + sent.getFirst(ORGANISATION), sent.getFirst(PURPOSE));
            } catch (Refusal.BadParameter refused) {
                refused.fields()
                        .forEach(fault -> errors.add(new FieldError(
                                fault.field().equals(DisclosureRequest.RECIPIENT) ? NAME : fault.field(),
                                fault.field().equals(DisclosureRequest.RECIPIENT)
                                        ? "The name and organisation together " + fault.reason()
                                        : "The purpose " + fault.reason())));
            }
        }
        if (!errors.isEmpty()) {
            Problem problem = new Problem(
                    "about:blank",
                    Problems.title(400),
                    400,
                    "A document is disclosed only to a named recipient for a stated purpose",
                    errors,
                    null);
            return html(400, form.shown(sent, problem));
        }
        return send.apply(disclosure);
    }

    /** A case's ledger for its page, as the API gives it (audited as a read). */
    public List<LedgerLine> ledger(Caller caller, String participantId) {
        return disclosures.ofCase(caller, participantId).stream()
                .map(LedgerLine::of)
                .toList();
    }

    /** The caller's last recipient and purpose, so a second download to the same person is one click. */
    private MultivaluedMap<String, String> lastValues(Caller caller) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        disclosures.latestBy(caller).ifPresent(last -> {
            values.putSingle(NAME, last.recipientName());
            values.putSingle(ORGANISATION, last.recipientOrganisation());
            values.putSingle(PURPOSE, last.purpose());
        });
        return values;
    }

    private static void require(
            List<FieldError> errors, MultivaluedMap<String, String> sent, String field, String reason) {
        if (sent.getFirst(field).isBlank()) {
            errors.add(new FieldError(field, reason));
        }
    }

    private static String value(MultivaluedMap<String, String> query, String field) {
        String value = query.getFirst(field);
        return value == null ? "" : value.strip();
    }

    private static Response html(int status, DisclosureFormPage form) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(form)
                .build();
    }
}
