package org.desist.access;

import java.util.List;
import org.desist.auth.Caller;

/**
 * A caller's sites in the shape SQL filters take: {@code (:allSites = 1 OR site_code IN (<sites>))}.
 * The list is never empty (JDBI refuses empty IN lists); for all sites it holds a code no site has.
 */
public record SiteScope(boolean allSites, List<String> sites) {

    public static SiteScope of(Caller caller) {
        if (caller.user().spansAllSites()) {
            return new SiteScope(true, List.of(""));
        }
        return new SiteScope(false, List.copyOf(caller.user().sites()));
    }
}
