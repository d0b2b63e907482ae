package org.desist.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.desist.user.SessionSummary;

/** One page of my sessions and tokens, newest first, with the times to the minute (UTC). */
public final class SessionListPage extends Page {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** What a row shows: the summary's fields as text. */
    public record Row(
            String id,
            String kind,
            String createdAt,
            String lastUsedAt,
            String startedFrom,
            String lastUsedFrom,
            boolean current,
            boolean twoFactors) {}

    private final List<Row> rows;
    private final String previous;
    private final String next;
    private final boolean ended;
    private final boolean codeAsked;
    private String refusedId;

    /** {@code found}: one more than a page when another page follows. */
    SessionListPage(
            Viewer viewer, List<SessionSummary> found, int pageSize, int offset, boolean ended, boolean codeAsked) {
        super("sessions.ftlh", viewer, "Your sessions and tokens");
        this.rows = (found.size() > pageSize ? found.subList(0, pageSize) : found)
                .stream().map(SessionListPage::row).toList();
        this.next = found.size() > pageSize ? SessionsPage.PATH + "?offset=" + (offset + pageSize) : null;
        this.previous = offset > 0 ? SessionsPage.PATH + "?offset=" + Math.max(0, offset - pageSize) : null;
        this.ended = ended;
        this.codeAsked = codeAsked;
    }

    private static Row row(SessionSummary session) {
        return new Row(
                session.id(),
                session.kind() == SessionSummary.Kind.browser ? "Browser" : "API token",
                time(session.createdAt()),
                time(session.lastUsedAt()),
                session.startedFrom() == null ? "Not known" : session.startedFrom(),
                session.lastUsedFrom() == null ? "Not known" : session.lastUsedFrom(),
                session.current(),
                session.twoFactors());
    }

    private static String time(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getPrevious() {
        return previous;
    }

    public String getNext() {
        return next;
    }

    /** Whether the page follows ending one of them. */
    public boolean isEnded() {
        return ended;
    }

    /** The page again after ending {@code id} was refused: that row's fields are the ones the error summary links to. */
    SessionListPage refusedFor(String id) {
        this.refusedId = id;
        return this;
    }

    public String getRefusedId() {
        return refusedId;
    }

    /** Whether ending another session asks for a code too: the account has a second factor. */
    public boolean isCodeAsked() {
        return codeAsked;
    }
}
