package org.desist.disclosure;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.ws.rs.QueryParam;

/**
 * The two query parameters every download of a document takes ({@code @BeanParam}): to whom it is disclosed and
 * what for. Both are required; {@link #request()} is the 400 naming each one missing or malformed.
 */
public class DisclosureParameters {
    @QueryParam(DisclosureRequest.RECIPIENT)
    @Parameter(
            required = true,
            description = "Who receives the document: their name and organisation, separated by a comma (at most "
                    + DisclosureRequest.MAX_RECIPIENT + " characters). Recorded in the ledger of disclosures and"
                    + " printed on every page of a PDF.",
            example = "Jane Hill, HMPPS North West")
    private String recipient;

    @QueryParam(DisclosureRequest.PURPOSE)
    @Parameter(
            required = true,
            description = "What the document is disclosed for (at most " + DisclosureRequest.MAX_PURPOSE
                    + " characters). Recorded in the ledger and printed on every page of a PDF.",
            example = "parole hearing 2026-12-10")
    private String purpose;

    public DisclosureParameters() {}

    public DisclosureParameters(String recipient, String purpose) {
        this.recipient = recipient;
        this.purpose = purpose;
    }

    /** Read by the API description, which finds a bean parameter's query parameters through its properties. */
    public String getRecipient() {
        return recipient;
    }

    public String getPurpose() {
        return purpose;
    }

    /** The recipient and purpose, or 400 naming each parameter missing or malformed. */
    @io.swagger.v3.oas.annotations.Hidden
    public DisclosureRequest request() {
        return DisclosureRequest.of(recipient, purpose);
    }
}
