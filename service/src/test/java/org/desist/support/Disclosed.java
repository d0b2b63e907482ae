package org.desist.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The recipient and purpose a test's download names: every PDF and export needs both (issue 19). */
public final class Disclosed {
    public static final String NAME = "Jane Hill";
    public static final String ORGANISATION = "HMPPS North West";
    public static final String PURPOSE = "parole hearing";
    /** The query parameters, encoded. */
    public static final String QUERY = "recipient=Jane%20Hill%2C%20HMPPS%20North%20West&purpose=parole%20hearing";

    /** The same, as the pages' download form sends them (disclosure.DownloadGate). */
    public static final String FORM =
            "recipientName=Jane%20Hill&recipientOrganisation=HMPPS%20North%20West" + "&purpose=parole%20hearing";

    private Disclosed() {}

    /** A page's download address with the form's answers added, as the browser sends it. */
    public static String viaForm(String path) {
        return path + (path.contains("?") ? "&" : "?") + FORM;
    }

    /** {@code path} with the recipient and purpose added to its query. */
    public static String to(String path) {
        return path + (path.contains("?") ? "&" : "?") + QUERY;
    }

    /** The line every page of a PDF disclosed today carries. */
    public static String line() {
        return "Disclosed to " + NAME + ", " + ORGANISATION + ", for " + PURPOSE + ", on "
                + LocalDate.now(ZoneId.of("Europe/London"))
                        .format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
    }
}
