package org.desist.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the API reads its requests, where an older form is kept for clients that have not moved yet. */
public class ApiSettings {
    /**
     * Deprecated: accept the identifying search terms ({@code q}, {@code nhsNumber}, {@code pncId},
     * {@code dateOfBirth}) and change reasons ({@code reason}) in the query string, as before. Off by default: an
     * address ends up in proxies' logs and browser histories (the HTTP layer's TermsOutOfAddresses filter).
     */
    private boolean searchTermsInQuery = false;

    @JsonProperty
    public boolean isSearchTermsInQuery() {
        return searchTermsInQuery;
    }

    @JsonProperty
    public void setSearchTermsInQuery(boolean searchTermsInQuery) {
        this.searchTermsInQuery = searchTermsInQuery;
    }
}
