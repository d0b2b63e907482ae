package org.desist.team;

import java.util.List;
import java.util.Map;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** The bulk reallocation form of a site (someone leaves or moves), and after it the count of allocations moved. */
public final class ReallocationPage extends Page {
    private final ReallocationChoices choices;
    private final Reallocated done;

    ReallocationPage(Viewer viewer, ReallocationChoices choices, Reallocated done) {
        super("team/reallocation.ftlh", viewer, "Move someone's cases at " + choices.siteName());
        this.choices = choices;
        this.done = done;
    }

    public String getSiteCode() {
        return choices.siteCode();
    }

    public String getSiteName() {
        return choices.siteName();
    }

    public List<Map<String, String>> getFromOptions() {
        return options(choices.from());
    }

    public List<Map<String, String>> getToOptions() {
        return options(choices.to());
    }

    /** Null until a reallocation was made. */
    public Reallocated getDone() {
        return done;
    }

    public int getMovedCount() {
        return done == null ? 0 : done.moved().size();
    }

    private static List<Map<String, String>> options(List<String> usernames) {
        return usernames.stream()
                .map(username -> Map.of("value", username, "label", username))
                .toList();
    }
}
