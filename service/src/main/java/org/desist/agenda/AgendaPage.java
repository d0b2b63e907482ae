package org.desist.agenda;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.desist.web.Page;
import org.desist.web.Viewer;

/** A site's daily review agenda, each part as the API gives it (a withheld part is not shown). */
public class AgendaPage extends Page {
    private final String siteCode;
    private ReviewAgenda agenda;

    AgendaPage(Viewer viewer, String siteCode) {
        super("agenda/review-agenda.ftlh", viewer, "Daily review agenda");
        this.siteCode = siteCode;
    }

    AgendaPage showing(ReviewAgenda shown) {
        this.agenda = shown;
        return this;
    }

    public String getSiteCode() {
        return siteCode;
    }

    public ReviewAgenda getAgenda() {
        return agenda;
    }

    /** The PDF of the agenda shown, for the same days. */
    public String getPdfLink() {
        String base = "/sites/" + URLEncoder.encode(siteCode, StandardCharsets.UTF_8) + "/review-agenda.pdf";
        return agenda == null ? base : base + "?date=" + agenda.date() + "&since=" + agenda.since();
    }
}
