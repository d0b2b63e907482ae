package org.desist.auth;

/**
 * Who is calling, in this request: the user, the request's id (also in the X-Request-Id response
 * header and the logs), the purpose they stated in X-Purpose, if any, and the client's address.
 */
public record Caller(User user, String requestId, String purpose, String clientAddress) {

    public String username() {
        return user.username();
    }

    /** The sites whose cases this caller may see, or null for every site (for SQL filters). */
    public java.util.Set<String> siteScope() {
        return user.spansAllSites() ? null : user.sites();
    }

    public boolean covers(String siteCode) {
        return user.worksAt(siteCode);
    }
}
