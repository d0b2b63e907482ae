package org.desist.agenda;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.access.Visibility;
import org.desist.attention.Rule;
import org.desist.audit.AuditLog;
import org.desist.auth.Caller;
import org.desist.db.Snapshot;
import org.desist.disclosure.DisclosureRequest;
import org.desist.disclosure.Disclosures;
import org.desist.disclosure.DocumentKind;
import org.desist.refusal.Refusal;
import org.desist.site.SiteDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The daily review agenda of a site. The caller's role was checked for the agenda before this is reached; here the
 * site must be one of the caller's (404 otherwise, as a case elsewhere is), each part is read only when the role may
 * read its kind of record, and every case the agenda shows is audited as read (the PDF as exported).
 */
public class ReviewAgendas {
    static final String RESOURCE = "review_agenda";
    /** "Ending soon", as the legal_measure_ending alert has it. */
    static final int ENDING_WITHIN_DAYS = 14;

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Visibility visibility;
    private final AgendaPdf pdf;
    private final Disclosures disclosures;

    public ReviewAgendas(
            Jdbi jdbi, Clock clock, AuditLog audit, Visibility visibility, AgendaPdf pdf, Disclosures disclosures) {
        this.disclosures = disclosures;
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.visibility = visibility;
        this.pdf = pdf;
    }

    /** A document ready to download. */
    public record Download(String fileName, byte[] content) {}

    /** The agenda for the meeting on {@code date} (today in London when null), since {@code since} (the last meeting). */
    public ReviewAgenda agenda(Caller caller, String siteCode, LocalDate date, LocalDate since) {
        ReviewAgenda agenda = assemble(caller, siteCode, date, since);
        audited(agenda, caseId -> audit.read(caller, RESOURCE, agenda.siteCode(), caseId));
        return agenda;
    }

    /**
     * The agenda as a PDF for {@code request}'s recipient, rendered in full before it is recorded and sent: one
     * ledger row (and audit row) per case it names, so that each case's ledger shows it, all with the one hash.
     */
    public Download pdf(Caller caller, String siteCode, LocalDate date, LocalDate since, DisclosureRequest request) {
        ReviewAgenda agenda = assemble(caller, siteCode, date, since);
        byte[] content = pdf.render(agenda, caller, clock.instant(), disclosures.line(request));
        List<Disclosures.About> abouts = new ArrayList<>();
        audited(
                agenda,
                caseId -> abouts.add(
                        new Disclosures.About(DocumentKind.review_agenda_pdf, caseId, null, agenda.siteCode())));
        disclosures.recordAll(caller, request, abouts, content);
        return new Download(agenda.siteCode() + "-review-agenda-" + agenda.date() + ".pdf", content);
    }

    private ReviewAgenda assemble(Caller caller, String siteCode, LocalDate date, LocalDate since) {
        String code = visibility
                .require(
                        caller,
                        jdbi.withExtension(SiteDao.class, sites -> sites.find(siteCode)),
                        site -> site.code(),
                        site -> null,
                        "site",
                        siteCode)
                .code();
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        LocalDate from = since == null ? LastMeeting.before(day) : since;
        if (from.isAfter(day)) {
            throw new Refusal.BadParameter("since", "must not be after date");
        }
        boolean referrals = AccessPolicy.allows(caller.user(), Action.REFERRAL_READ);
        boolean incidents = AccessPolicy.allows(caller.user(), Action.INCIDENT_READ);
        boolean reviews = AccessPolicy.allows(caller.user(), Action.DESISTANCE_REVIEW_READ);
        boolean plans = AccessPolicy.allows(caller.user(), Action.PLAN_ACTION_READ);
        boolean measures = AccessPolicy.allows(caller.user(), Action.LEGAL_MEASURE_READ);
        List<String> withheld = new ArrayList<>();
        // one read-only snapshot: every part of the agenda from the same state of the site
        return Snapshot.read(jdbi, handle -> {
            AgendaQueries queries = handle.attach(AgendaQueries.class);
            return new ReviewAgenda(
                    code,
                    queries.siteName(code),
                    day,
                    from,
                    part(
                            referrals,
                            "referralsAwaitingReview",
                            withheld,
                            () -> queries.awaitingReview(code, day).stream()
                                    .map(row -> new ReviewAgenda.AwaitingReview(
                                            row.id(),
                                            row.participantId(),
                                            row.caseRef(),
                                            row.receivedOn(),
                                            row.source(),
                                            Math.max(0, ChronoUnit.DAYS.between(row.receivedOn(), day))))
                                    .toList()),
                    part(incidents, "incidentsSince", withheld, () -> queries.incidents(code, from, day).stream()
                            .map(row -> new ReviewAgenda.IncidentSince(
                                    row.id(),
                                    row.participantId(),
                                    row.caseRef(),
                                    row.occurredOn(),
                                    row.kind(),
                                    row.source()))
                            .toList()),
                    part(
                            reviews,
                            "riskRaisedSince",
                            withheld,
                            () -> RisingRisk.among(queries.reviews(code, from, day), from)),
                    part(plans, "overduePlanActions", withheld, () -> queries.overdue(code, day).stream()
                            .map(row -> new ReviewAgenda.OverdueAction(
                                    row.id(),
                                    row.participantId(),
                                    row.caseRef(),
                                    row.action(),
                                    row.agency(),
                                    row.owner(),
                                    row.dueOn(),
                                    ChronoUnit.DAYS.between(row.dueOn(), day)))
                            .toList()),
                    part(
                            measures,
                            "legalMeasuresEnding",
                            withheld,
                            () -> queries.ending(code, day, day.plusDays(ENDING_WITHIN_DAYS)).stream()
                                    .map(row -> new ReviewAgenda.MeasureEnding(
                                            row.id(),
                                            row.participantId(),
                                            row.caseRef(),
                                            row.kind(),
                                            row.fromDate(),
                                            row.untilDate()))
                                    .toList()),
                    byCase(caller, queries.openAlerts(code)),
                    List.copyOf(withheld));
        });
    }

    private static <T> List<T> part(
            boolean readable, String name, List<String> withheld, java.util.function.Supplier<List<T>> read) {
        if (!readable) {
            withheld.add(name);
            return null;
        }
        return read.get();
    }

    /**
     * Open alerts grouped by case. An alert holds no text: its rule and dates go to everyone at the meeting, as they
     * go to every member of the case's team; the record's id only to a role that may read its kind ({@link Rule#readRight}).
     */
    private static List<ReviewAgenda.CaseAlerts> byCase(Caller caller, List<AgendaQueries.AlertRow> rows) {
        Map<String, List<ReviewAgenda.OpenAlert>> alerts = new LinkedHashMap<>();
        Map<String, String> caseRefs = new LinkedHashMap<>();
        for (AgendaQueries.AlertRow row : rows) {
            boolean readsRecord = readsRecordOf(caller, row.rule());
            caseRefs.put(row.participantId(), row.caseRef());
            alerts.computeIfAbsent(row.participantId(), id -> new ArrayList<>())
                    .add(new ReviewAgenda.OpenAlert(
                            row.id(),
                            row.rule(),
                            row.recordType(),
                            readsRecord ? row.recordId() : null,
                            row.occurredOn(),
                            row.raisedAt()));
        }
        List<ReviewAgenda.CaseAlerts> cases = new ArrayList<>();
        alerts.forEach((participantId, open) ->
                cases.add(new ReviewAgenda.CaseAlerts(participantId, caseRefs.get(participantId), List.copyOf(open))));
        return cases;
    }

    private static boolean readsRecordOf(Caller caller, String rule) {
        try {
            return AccessPolicy.allows(caller.user(), Rule.valueOf(rule).readRight());
        } catch (IllegalArgumentException unknown) {
            return false; // a rule this version does not know: say nothing of its record
        }
    }

    /** One audit row per case the agenda shows (so each case's trail names the meeting), or one for an empty agenda. */
    private static void audited(ReviewAgenda agenda, java.util.function.Consumer<String> row) {
        Set<String> cases = new LinkedHashSet<>();
        if (agenda.referralsAwaitingReview() != null) {
            agenda.referralsAwaitingReview().forEach(item -> cases.add(item.participantId()));
        }
        if (agenda.incidentsSince() != null) {
            agenda.incidentsSince().forEach(item -> cases.add(item.participantId()));
        }
        if (agenda.riskRaisedSince() != null) {
            agenda.riskRaisedSince().forEach(item -> cases.add(item.participantId()));
        }
        if (agenda.overduePlanActions() != null) {
            agenda.overduePlanActions().forEach(item -> cases.add(item.participantId()));
        }
        if (agenda.legalMeasuresEnding() != null) {
            agenda.legalMeasuresEnding().forEach(item -> cases.add(item.participantId()));
        }
        agenda.openAlerts().forEach(item -> cases.add(item.participantId()));
        if (cases.isEmpty()) {
            row.accept(null);
        }
        cases.forEach(row);
    }
}
