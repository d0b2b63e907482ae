package org.desist.auth;

/**
 * Who is calling, in this request: the user, the request's id (also in the X-Request-Id response
 * header and the logs), the purpose they stated in X-Purpose, if any, the client's address, and how the request
 * reached the cases it touched ({@link CaseAccess}: a break-glass grant, a restricted case read by the DPO).
 */
public record Caller(User user, String requestId, String purpose, String clientAddress, CaseAccess caseAccess) {

    public Caller(User user, String requestId, String purpose, String clientAddress) {
        this(user, requestId, purpose, clientAddress, CaseAccess.writing());
    }

    public String username() {
        return user.username();
    }

    /** The same caller in the same request, stating another purpose (audited with a change made for it). */
    public Caller withPurpose(String statedPurpose) {
        return new Caller(user, requestId, statedPurpose, clientAddress, caseAccess);
    }

    /** The sites whose cases this caller may see, or null for every site (for SQL filters). */
    public java.util.Set<String> siteScope() {
        return user.spansAllSites() ? null : user.sites();
    }

    public boolean covers(String siteCode) {
        return user.worksAt(siteCode);
    }
}
