package org.desist.disclosure;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;

/**
 * {@link DisclosureParameters} for an endpoint that answers JSON as well as a document: the JSON takes neither
 * parameter, the PDF or CSV needs both, so the description says they are optional and when they are not.
 */
public class DownloadParameters {
    @QueryParam(DisclosureRequest.RECIPIENT)
    @Parameter(
            description = "Required for the PDF or CSV, ignored for JSON: who receives the document, their name and"
                    + " organisation separated by a comma (at most " + DisclosureRequest.MAX_RECIPIENT
                    + " characters). Recorded in the ledger of disclosures and printed on every page of a PDF.",
            example = "Jane Hill, HMPPS North West")
    private String recipient;

    @QueryParam(DisclosureRequest.PURPOSE)
    @Parameter(
            description = "Required for the PDF or CSV, ignored for JSON: what the document is disclosed for (at most "
                    + DisclosureRequest.MAX_PURPOSE + " characters).",
            example = "parole hearing 2026-12-10")
    private String purpose;

    /** Read by the API description, which finds a bean parameter's query parameters through its properties. */
    public String getRecipient() {
        return recipient;
    }

    public String getPurpose() {
        return purpose;
    }

    /** The recipient and purpose of a document, or 400 naming each parameter missing or malformed. */
    @io.swagger.v3.oas.annotations.Hidden
    public DisclosureRequest request() {
        return DisclosureRequest.of(recipient, purpose);
    }
}
