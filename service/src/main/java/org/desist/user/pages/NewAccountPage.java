package org.desist.user.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.auth.Role;
import org.desist.site.Site;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The form that creates an account: the body of POST /api/users, roles and sites as checkboxes. */
public final class NewAccountPage extends Page {
    private final List<Map<String, String>> sites;

    NewAccountPage(Viewer viewer, List<Site> sites) {
        super("admin/new-account.ftlh", viewer, "Create an account");
        this.sites = sites.stream()
                .map(site -> Map.of("value", site.code(), "label", site.name() + " (" + site.code() + ")"))
                .toList();
    }

    public List<Map<String, String>> getRoles() {
        return Arrays.stream(Role.values())
                .map(role -> Map.of("value", role.name(), "label", AccountView.role(role)))
                .toList();
    }

    public List<Map<String, String>> getSites() {
        return sites;
    }
}
