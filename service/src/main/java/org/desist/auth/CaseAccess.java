package org.desist.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this request reached the cases it touched, when not simply by working at their site: by a break-glass grant
 * (another site's case, read-only, each read audited as break-glass with the grant's reason), or as the data
 * protection officer reading a restricted case (each read audited with the restriction's purpose). Filled in as the
 * request finds each case (participant.ParticipantService.visible) and read by the audit log, so every read of the
 * case in the request is recorded for what it was.
 */
public final class CaseAccess {
    /** The ways in that change how a read is audited. */
    public enum Way {
        break_glass,
        restricted
    }

    /** The way in and the purpose each read of the case is audited with. */
    public record Reached(Way way, String purpose) {}

    private final boolean reading;
    private final Map<String, Reached> reached = new ConcurrentHashMap<>();

    private CaseAccess(boolean reading) {
        this.reading = reading;
    }

    /** For a request by its HTTP method: only GET and HEAD only read. */
    public static CaseAccess forMethod(String method) {
        return new CaseAccess("GET".equals(method) || "HEAD".equals(method));
    }

    /** Outside an HTTP request (commands, background work): treated as a write, which no grant allows. */
    public static CaseAccess writing() {
        return new CaseAccess(false);
    }

    /** Whether the request only reads (so a break-glass grant or the DPO's reading of a restricted case may serve it). */
    public boolean reading() {
        return reading;
    }

    public void reached(String participantId, Way way, String purpose) {
        reached.put(participantId, new Reached(way, purpose));
    }

    public Optional<Reached> howReached(String participantId) {
        return participantId == null ? Optional.empty() : Optional.ofNullable(reached.get(participantId));
    }
}
