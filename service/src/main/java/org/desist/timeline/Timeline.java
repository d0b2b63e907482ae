package org.desist.timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.desist.access.AccessPolicy;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.db.Snapshot;
import org.desist.listing.PageRequest;
import org.desist.participant.ParticipantService;
import org.desist.readmodel.TimelineDao;
import org.desist.refusal.Refusal;
import org.desist.time.ProgrammeClock;
import org.jdbi.v3.core.Jdbi;

/**
 * Every dated event of a case in time order. A reader gets only the kinds of event whose records their
 * role may read, and summaries are built from coded fields only, so no clinical free text appears.
 * Events fall on days of the programme's zone (London), as the records' own lists do: a session's
 * instant counts on its London date, both for the date filter and for the order, where it follows
 * the plain dates of that day.
 */
public class Timeline {
    private static final Comparator<TimelineEvent> ORDER = Comparator.comparing(
                    (TimelineEvent event) -> day(event.at()))
            .thenComparing(event -> isInstant(event.at()))
            .thenComparing(TimelineEvent::at)
            .thenComparing(TimelineEvent::type)
            .thenComparing(TimelineEvent::ref);

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final ParticipantService participants;

    public Timeline(Jdbi jdbi, AuditLog audit, ParticipantService participants) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.participants = participants;
    }

    public List<TimelineEvent> of(
            Caller caller,
            String participantId,
            Set<EventType> types,
            LocalDate from,
            LocalDate to,
            PageRequest paging) {
        participants.visible(caller, participantId);
        if (from != null && to != null && to.isBefore(from)) {
            throw new Refusal.BadParameter("to", "must not be before from");
        }
        Set<EventType> wanted = types.isEmpty() ? EnumSet.allOf(EventType.class) : EnumSet.copyOf(types);
        wanted.removeIf(type -> !AccessPolicy.allows(caller.user(), type.readAction()));
        // one read-only snapshot: each kind of event read from the same state of the case
        List<TimelineEvent> events = Snapshot.read(jdbi, handle -> {
            TimelineDao dao = handle.attach(TimelineDao.class);
            List<TimelineEvent> all = new ArrayList<>();
            String p = participantId;
            add(
                    all,
                    wanted,
                    EventType.referral,
                    () -> dao.referrals(p),
                    f -> "Referral received from " + words(f.a()),
                    f -> "/api/referrals/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.review,
                    () -> dao.reviews(p),
                    f -> "Daily review: priority " + f.a() + ", " + words(f.b()),
                    f -> "/api/referrals/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.enrolment,
                    () -> dao.enrolmentMoves(p),
                    f -> "Enrolment: " + words(f.a()) + (f.b() == null ? "" : " (" + f.b() + ")"),
                    f -> "/api/enrolments/" + f.id());
            String records = "/api/participants/" + p + "/";
            add(
                    all,
                    wanted,
                    EventType.assessment,
                    () -> dao.assessments(p),
                    f -> capital(words(f.a())) + " assessment (" + f.b() + "): overall risk " + f.c(),
                    f -> records + "assessments/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.session,
                    () -> dao.sessions(p),
                    f -> capital(words(f.a()))
                            + (f.b() == null
                                    ? " scheduled"
                                    : ": " + words(f.b()) + (f.c() == null ? "" : ", engagement " + f.c() + "/5")),
                    f -> records + "sessions/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.service_referral,
                    () -> dao.serviceReferralMoves(p),
                    f -> "Onward referral (" + words(f.a()) + ", " + words(f.b()) + "): " + f.c(),
                    f -> records + "service-referrals/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.plan_action,
                    () -> dao.planActions(p).stream()
                            .map(f -> f.on(londonDay(f.at())))
                            .toList(),
                    f -> "Plan action (" + f.a() + "): " + f.b() + (f.c() == null ? "" : ", due " + f.c()),
                    f -> records + "risk-plan/actions/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.legal_measure,
                    () -> dao.legalMeasures(p),
                    f -> capital(words(f.a())) + " in force" + (f.b() == null ? "" : " until " + f.b()),
                    f -> records + "legal-measures/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.victim_safety,
                    () -> dao.victimSafety(p),
                    f -> "Victim safety concern raised",
                    f -> records + "victim-safety/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.desistance_review,
                    () -> dao.desistanceReviews(p),
                    f -> "Desistance review: fixation " + f.a() + "/10, victim contact since last review " + f.b()
                            + ", engagement " + f.c() + "/5",
                    f -> records + "desistance-reviews/" + f.id());
            add(
                    all,
                    wanted,
                    EventType.incident,
                    () -> dao.incidents(p),
                    f -> "Incident: " + words(f.a()) + " (reported by " + words(f.b()) + ")",
                    f -> records + "incidents/" + f.id());
            return all;
        });
        audit.read(caller, "timeline", null, participantId);
        return events.stream()
                .filter(event -> from == null || !day(event.at()).isBefore(from))
                .filter(event -> to == null || !day(event.at()).isAfter(to))
                .sorted(ORDER)
                .skip(paging.offset())
                .limit(paging.fetch())
                .toList();
    }

    private static void add(
            List<TimelineEvent> events,
            Set<EventType> wanted,
            EventType type,
            Supplier<List<TimelineDao.Fact>> facts,
            Function<TimelineDao.Fact, String> summary,
            Function<TimelineDao.Fact, String> ref) {
        if (!wanted.contains(type)) {
            return;
        }
        facts.get()
                .forEach(fact -> events.add(new TimelineEvent(fact.at(), type, summary.apply(fact), ref.apply(fact))));
    }

    /** The London day of an event: its date, or the date in London of its instant. */
    static LocalDate day(String at) {
        return isInstant(at) ? LocalDate.ofInstant(Instant.parse(at), ProgrammeClock.ZONE) : LocalDate.parse(at);
    }

    private static boolean isInstant(String at) {
        return at.length() > 10;
    }

    /** An instant as the London date it fell on (yyyy-mm-dd); a date as it is. */
    private static String londonDay(String at) {
        return day(at).toString();
    }

    private static String words(String code) {
        return code == null ? "" : code.replace('_', ' ');
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
