package org.desist.auth;

/** Where accounts belong, as SQL the account list and the audit trail's site filter share. */
public final class SiteBindings {
    /**
     * An account {@code u} lies within the sites {@code <sites>}: it is bound to at least one site, and to
     * none outside them. Used with {@code (:allSites = 1 OR ...)}.
     */
    public static final String ACCOUNT_WITHIN_SITES =
            "(EXISTS (SELECT 1 FROM user_site s WHERE s.username = u.username)"
                    + " AND NOT EXISTS (SELECT 1 FROM user_site s WHERE s.username = u.username AND s.site_code NOT IN (<sites>)))";

    private SiteBindings() {}
}
