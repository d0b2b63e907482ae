package org.desist.refusal;

import java.time.Duration;
import java.util.List;

/**
 * Why the domain will not do what it was asked, in its own words: services throw one, and the HTTP layer
 * decides the status and the body it becomes. Thrown inside a transaction, nothing has been written. The
 * message is the detail the client reads.
 *
 * <p>The kinds are closed, and whoever answers them implements {@link Kinds}, so a kind added here cannot go
 * unanswered (Java 17 has no switch over types).
 */
public abstract sealed class Refusal extends RuntimeException {
    private final List<FieldReason> fields;

    private Refusal(String detail, List<FieldReason> fields) {
        super(detail);
        this.fields = List.copyOf(fields);
    }

    /** The fields at fault, each with the reason; empty when no field is to blame. */
    public List<FieldReason> fields() {
        return fields;
    }

    public abstract <T> T accept(Kinds<T> kinds);

    /** One answer to each kind of refusal. */
    public interface Kinds<T> {
        T notFound(NotFound refusal);

        T conflict(Conflict refusal);

        T invalid(Invalid refusal);

        T badParameter(BadParameter refusal);

        T forbidden(Forbidden refusal);

        T mergedInto(MergedInto refusal);

        T staleVersion(StaleVersion refusal);

        T versionRequired(VersionRequired refusal);

        T unavailable(Unavailable refusal);

        T throttled(Throttled refusal);

        T unauthenticated(Unauthenticated refusal);
    }

    /** No such record, or one the caller may not know exists. */
    public static final class NotFound extends Refusal {
        public NotFound(String what, String id) {
            super("No " + what + " with id '" + id + "'", List.of());
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.notFound(this);
        }
    }

    /**
     * The request contradicts what the records hold (a move the state does not allow, a change made
     * meanwhile, an identity already known). Open to the conflicts that list the participants they matched.
     */
    public static non-sealed class Conflict extends Refusal {
        private final List<MatchedParticipant> matches;

        public Conflict(String detail) {
            this(detail, List.of(), List.of());
        }

        protected Conflict(String detail, List<FieldReason> fields, List<MatchedParticipant> matches) {
            super(detail, fields);
            this.matches = List.copyOf(matches);
        }

        /** The participants the request matched that the caller may see. */
        public List<MatchedParticipant> matches() {
            return matches;
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.conflict(this);
        }
    }

    /** A value in the request's body breaks a rule of the domain. */
    public static final class Invalid extends Refusal {
        /** The detail says the field and the reason. */
        public Invalid(String field, String reason) {
            this(field + " " + reason, List.of(new FieldReason(field, reason)));
        }

        public Invalid(String detail, List<FieldReason> fields) {
            super(detail, fields);
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.invalid(this);
        }
    }

    /** A query parameter the request named breaks a rule. */
    public static final class BadParameter extends Refusal {
        public BadParameter(String parameter, String reason) {
            super(parameter + " " + reason, List.of(new FieldReason(parameter, reason)));
        }

        /** Several parameters at fault at once, each named with its reason. */
        public BadParameter(String detail, List<FieldReason> fields) {
            super(detail, fields);
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.badParameter(this);
        }
    }

    /** The caller may not do this, although their role reaches the action. */
    public static final class Forbidden extends Refusal {
        /** The detail says the field and the reason. */
        public Forbidden(String field, String reason) {
            this(field + " " + reason, List.of(new FieldReason(field, reason)));
        }

        public Forbidden(String detail, List<FieldReason> fields) {
            super(detail, fields);
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.forbidden(this);
        }
    }

    /** The participant was merged into another, which now holds the whole case (for a caller who may see it). */
    public static final class MergedInto extends Refusal {
        private final String survivorId;
        private final String survivorCaseRef;

        public MergedInto(String id, String survivorId, String survivorCaseRef) {
            super(
                    "Participant " + id + " was merged into " + survivorCaseRef + " (" + survivorId
                            + "), which now holds the whole case: use that participant",
                    List.of());
            this.survivorId = survivorId;
            this.survivorCaseRef = survivorCaseRef;
        }

        public String survivorId() {
            return survivorId;
        }

        public String survivorCaseRef() {
            return survivorCaseRef;
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.mergedInto(this);
        }
    }

    /** The change was based on a version of the record that is no longer current. */
    public static final class StaleVersion extends Refusal {
        public StaleVersion() {
            super("The record has changed since you read it; read it again and reapply your change", List.of());
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.staleVersion(this);
        }
    }

    /** The change did not name the version it was based on. */
    public static final class VersionRequired extends Refusal {
        public VersionRequired(String detail) {
            super(detail, List.of());
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.versionRequired(this);
        }
    }

    /** The service cannot do this until it is set up for it; the fields name the setting. */
    public static final class Unavailable extends Refusal {
        public Unavailable(String detail, List<FieldReason> fields) {
            super(detail, fields);
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.unavailable(this);
        }
    }

    /** Too many attempts: refused for a while, whatever the request holds. */
    public static final class Throttled extends Refusal {
        private final Duration retryAfter;

        public Throttled(String detail, Duration retryAfter) {
            super(detail, List.of());
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.throttled(this);
        }
    }

    /** A credential presented in the request's body (a second factor's code) is refused: who is calling is unproven. */
    public static final class Unauthenticated extends Refusal {
        /** The detail says the field and the reason. */
        public Unauthenticated(String field, String reason) {
            super(field + " " + reason, List.of(new FieldReason(field, reason)));
        }

        @Override
        public <T> T accept(Kinds<T> kinds) {
            return kinds.unauthenticated(this);
        }
    }
}
