package org.desist.disclosure;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.desist.http.Problem;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The short form every download of a document passes through on the pages: to whom it goes and what for. It is
 * sent (GET) to the download's own address with the download's other parameters carried along, so the next
 * answer is the document itself (or this form again, with the error summary naming each field at fault).
 */
public final class DisclosureFormPage extends Page {
    private final String document;
    private final String action;
    private final Map<String, String> carried;

    DisclosureFormPage(Viewer viewer, String document, String action, Map<String, String> carried) {
        super("disclosure/form.ftlh", viewer, "Who is " + document + " for?");
        this.document = document;
        this.action = action;
        this.carried = new LinkedHashMap<>(carried);
    }

    DisclosureFormPage shown(MultivaluedMap<String, String> values, Problem problem) {
        if (problem == null) {
            withValues(values);
        } else {
            refused(values, problem);
        }
        return this;
    }

    /** What is downloaded, for the heading: "the probation case summary (PDF)". */
    public String getDocument() {
        return document;
    }

    /** The download's address, to which the form is sent. */
    public String getAction() {
        return action;
    }

    /** The download's own parameters (dates, scope), sent again as hidden inputs. */
    public Map<String, String> getCarried() {
        return carried;
    }
}
