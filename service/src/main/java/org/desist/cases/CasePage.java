package org.desist.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.desist.attention.Alert;
import org.desist.attention.AlertInboxPage;
import org.desist.caserecord.CaseRecord;
import org.desist.caserecord.RecordStatus;
import org.desist.disclosure.LedgerLine;
import org.desist.enrolment.Enrolment;
import org.desist.participant.Participant;
import org.desist.pdf.PrintedDate;
import org.desist.progress.Progress;
import org.desist.referral.Referral;
import org.desist.referral.ReferralStatus;
import org.desist.riskplan.PlanActionState;
import org.desist.team.TeamSection;
import org.desist.time.ProgrammeClock;
import org.desist.timeline.TimelineEvent;
import org.desist.web.Page;
import org.desist.web.Viewer;

/**
 * The case page: who, where the case stands, "Now", the timeline and the records, each as the viewer's role may
 * read it through the API. Values come formatted for reading; a part the role may not read is null (not shown).
 */
public final class CasePage extends Page {
    /** A label and its value, for the summary lists. */
    public record Fact(String label, String value) {}

    public record RiskRow(String domain, String now, String atFirstAssessment, String trajectory) {}

    public record EnrolmentRow(String state, String since, String enrolledOn, String opened) {}

    public record MeasureRow(String kind, String from, String until, String conditions) {}

    public record ActionRow(String action, String owner, String agency, String due, boolean overdue) {}

    public record OnwardRow(String service, String made, String state, String since) {}

    public record EventRow(String on, String what, String href) {}

    public record RecordRow(String on, String what, String href, boolean enteredInError) {}

    /** One kind of record: its heading, the first rows, and whether more exist than are shown. */
    public record RecordGroup(String title, String kind, List<RecordRow> rows, boolean more) {}

    private final CaseFile.Contents contents;
    private final Optional<CurrentRisk> risk;
    private TeamSection team;
    private List<LedgerLine> disclosures;

    CasePage(Viewer viewer, CaseFile.Contents contents) {
        super(
                "cases/case.ftlh",
                viewer,
                name(contents.participant()) + " (" + contents.participant().caseRef() + ")");
        this.contents = contents;
        this.risk = contents.assessments() == null
                ? Optional.empty()
                : CurrentRisk.of(contents.assessments(), contents.desistanceReviews());
    }

    /** The case's team (issue 17), for a role that may read it; otherwise the Team section is not shown. */
    CasePage withTeam(TeamSection team) {
        this.team = team;
        return this;
    }

    /** The case's ledger of disclosures, for a role that may read it; otherwise the section is not shown. */
    CasePage withDisclosures(List<LedgerLine> disclosures) {
        this.disclosures = disclosures;
        return this;
    }

    public List<LedgerLine> getDisclosures() {
        return disclosures;
    }

    public TeamSection getTeam() {
        return team;
    }

    private String breakGlassUntil;

    /** Read by break-glass (breakglass/): the page says until when, and that every view is audited. */
    CasePage underBreakGlassUntil(String time) {
        this.breakGlassUntil = time;
        return this;
    }

    public String getBreakGlassUntil() {
        return breakGlassUntil;
    }

    public String getId() {
        return contents.participant().id();
    }

    public String getName() {
        return name(contents.participant());
    }

    public String getCaseRef() {
        return contents.participant().caseRef();
    }

    public List<Fact> getFacts() {
        Participant p = contents.participant();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Case reference", p.caseRef()));
        facts.add(new Fact("Date of birth", day(p.dateOfBirth())));
        facts.add(new Fact("Site", p.siteCode()));
        facts.add(new Fact("NHS number", orNone(p.nhsNumber())));
        facts.add(new Fact("PNC id", orNone(p.pncId())));
        if (contents.referrals() != null) {
            facts.add(new Fact("Priority", priority(contents.referrals())));
        }
        if (contents.enrolments() != null) {
            facts.add(new Fact("Enrolment", enrolment(contents.enrolments())));
        }
        return facts;
    }

    public List<EnrolmentRow> getEnrolments() {
        return contents.enrolments() == null
                ? null
                : contents.enrolments().stream()
                        .map(e -> new EnrolmentRow(
                                words(e.state().name()),
                                day(e.stateOn()),
                                e.enrolledOn() == null ? "Not yet" : day(e.enrolledOn()),
                                e.history().isEmpty()
                                        ? day(e.stateOn())
                                        : day(e.history().get(0).on())))
                        .toList();
    }

    /** Whether the role reads risk ratings at all (assessments); then {@link #getRisk} may still be empty. */
    public boolean isRiskReadable() {
        return contents.assessments() != null;
    }

    /** Each domain now, at the first assessment, and which way it moved; null before the first assessment. */
    public List<RiskRow> getRisk() {
        return risk.map(r -> r.domains().stream()
                        .map(d -> new RiskRow(
                                d.name(),
                                words(d.now().name()),
                                words(d.atFirstAssessment().name()),
                                d.trajectory() == null
                                        ? "Not known"
                                        : switch (d.trajectory()) {
                                            case up -> "Higher than at the first assessment";
                                            case down -> "Lower than at the first assessment";
                                            case same -> "Unchanged since the first assessment";
                                        }))
                        .toList())
                .orElse(null);
    }

    /** When the current ratings were made, and in what record. */
    public String getRatedOn() {
        return risk.map(r -> day(r.ratedOn()) + " (" + r.source().toLowerCase(Locale.UK) + ")")
                .orElse(null);
    }

    public String getOverallRisk() {
        return risk.map(r -> words(r.latestAssessment().overallRisk().name()) + " (assessment of "
                        + day(r.latestAssessment().assessedOn()) + ")")
                .orElse(null);
    }

    public List<MeasureRow> getMeasuresInForce() {
        return contents.legalMeasures() == null
                ? null
                : contents.legalMeasures().stream()
                        .filter(m -> m.status() == RecordStatus.active && m.inForce())
                        .map(m -> new MeasureRow(
                                words(m.kind().name()),
                                day(m.from()),
                                m.until() == null ? "No end date" : day(m.until()),
                                orNone(m.conditions())))
                        .toList();
    }

    /** Open actions, the soonest due first. */
    public List<ActionRow> getOpenActions() {
        return contents.planActions() == null
                ? null
                : contents.planActions().stream()
                        .filter(a -> a.status() == RecordStatus.active && a.state() == PlanActionState.open)
                        .sorted(Comparator.comparing(org.desist.riskplan.PlanAction::dueOn))
                        .map(a -> new ActionRow(
                                a.action(), a.owner(), words(a.agency().name()), day(a.dueOn()), a.overdue()))
                        .toList();
    }

    public List<OnwardRow> getOnwardReferrals() {
        return contents.serviceReferrals() == null
                ? null
                : contents.serviceReferrals().stream()
                        .filter(r -> r.status() == RecordStatus.active)
                        .map(r -> new OnwardRow(
                                r.service() == null
                                        ? "Withheld from your role"
                                        : words(r.service().name()),
                                day(r.madeOn()),
                                words(r.state().name()),
                                day(r.stateOn())))
                        .toList();
    }

    /** Attendance as the progress figures count it; null for a role that may not read them. */
    public List<Fact> getAttendance() {
        Progress progress = contents.progress();
        if (progress == null) {
            return null;
        }
        return List.of(
                new Fact(
                        "Attendance rate",
                        progress.attendance().rate() == null
                                ? "No sessions offered yet"
                                : Math.round(progress.attendance().rate() * 100) + "%"),
                new Fact(
                        "Sessions offered", String.valueOf(progress.attendance().offered())),
                new Fact(
                        "Attended (or late)",
                        String.valueOf(progress.attendance().attended())),
                new Fact("Did not attend", String.valueOf(progress.attendance().didNotAttend())),
                new Fact(
                        "Cancelled by the participant",
                        String.valueOf(progress.attendance().cancelledByParticipant())),
                new Fact("Cancelled by the service", String.valueOf(progress.cancelledByService())),
                new Fact("Awaiting an outcome", String.valueOf(progress.sessionsAwaitingOutcome())));
    }

    /** The timeline, latest first. */
    public List<EventRow> getTimeline() {
        if (contents.timeline() == null) {
            return null;
        }
        List<EventRow> rows = new ArrayList<>();
        for (TimelineEvent event : shown(contents.timeline())) {
            rows.add(new EventRow(when(event.at()), event.summary(), recordPage(event.ref())));
        }
        java.util.Collections.reverse(rows);
        return rows;
    }

    public boolean isTimelineCut() {
        return contents.timeline() != null && contents.timeline().size() > CaseFile.SHOWN;
    }

    /** The records the role may read, kind by kind, each row a link to its page. */
    public List<RecordGroup> getRecords() {
        List<RecordGroup> groups = new ArrayList<>();
        group(
                groups,
                "Sessions",
                "sessions",
                contents.sessions(),
                s -> s.scheduledAt().toString(),
                s -> words(s.kind().name())
                        + ": "
                        + (s.outcome() == null
                                ? "scheduled"
                                : words(s.outcome().name()).toLowerCase(Locale.UK)));
        group(
                groups,
                "Assessments",
                "assessments",
                contents.assessments(),
                a -> a.assessedOn().toString(),
                a -> words(a.kind().name()) + " assessment (" + a.instrument() + "), overall risk " + a.overallRisk());
        group(
                groups,
                "Desistance reviews",
                "desistance-reviews",
                contents.desistanceReviews(),
                r -> r.reviewedOn().toString(),
                r -> "Desistance review");
        group(
                groups,
                "Onward referrals",
                "service-referrals",
                contents.serviceReferrals(),
                r -> r.madeOn().toString(),
                r -> (r.service() == null
                                ? "Onward referral"
                                : words(r.service().name())) + ": "
                        + words(r.state().name()).toLowerCase(Locale.UK));
        group(
                groups,
                "Risk plan actions",
                "risk-plan-actions",
                contents.planActions(),
                a -> a.dueOn().toString(),
                a -> a.action() + " (" + a.state() + (a.overdue() ? ", overdue" : "") + ")");
        group(
                groups,
                "Legal measures",
                "legal-measures",
                contents.legalMeasures(),
                m -> m.from().toString(),
                m -> words(m.kind().name()) + (m.inForce() ? " (in force)" : ""));
        group(
                groups,
                "Victim-safety concerns",
                "victim-safety",
                contents.victimSafety(),
                c -> c.raisedOn().toString(),
                c -> "Victim-safety concern");
        group(
                groups,
                "Incidents",
                "incidents",
                contents.incidents(),
                i -> i.occurredOn().toString(),
                i -> words(i.kind().name()) + " (reported by "
                        + words(i.source().name()).toLowerCase(Locale.UK) + ")");
        return groups;
    }

    private <R extends CaseRecord> void group(
            List<RecordGroup> groups,
            String title,
            String kind,
            List<R> records,
            Function<R, String> at,
            Function<R, String> what) {
        if (records == null) {
            return;
        }
        List<RecordRow> rows = shown(records).stream()
                .map(r -> new RecordRow(
                        when(at.apply(r)),
                        what.apply(r),
                        "/cases/" + getId() + "/records/" + kind + "/" + r.id(),
                        r.status() == RecordStatus.entered_in_error))
                .toList();
        groups.add(new RecordGroup(title, kind, rows, records.size() > CaseFile.SHOWN));
    }

    private static <T> List<T> shown(List<T> items) {
        return items.size() > CaseFile.SHOWN ? items.subList(0, CaseFile.SHOWN) : items;
    }

    /** A timeline event's record as a page of the screens; null for events with no page here. */
    private String recordPage(String ref) {
        String records = "/api/participants/" + getId() + "/";
        if (ref == null || !ref.startsWith(records)) {
            return null;
        }
        String rest = ref.substring(records.length()).replace("risk-plan/actions/", "risk-plan-actions/");
        return "/cases/" + getId() + "/records/" + rest;
    }

    private static String priority(List<Referral> referrals) {
        return referrals.stream()
                .filter(r -> r.status() == ReferralStatus.reviewed)
                .max(Comparator.comparing(Referral::receivedOn).thenComparing(Referral::createdAt))
                .map(r -> words(r.priority().name()))
                .orElse("Not reviewed yet");
    }

    private static String enrolment(List<Enrolment> enrolments) {
        return enrolments.stream()
                .max(Comparator.comparing(Enrolment::createdAt))
                .map(e -> words(e.state().name()) + " since " + day(e.stateOn()))
                .orElse("Not enrolled");
    }

    private static String name(Participant p) {
        return p.givenName() + " " + p.familyName();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "Not recorded" : value;
    }

    static String day(LocalDate date) {
        return date == null ? "Not recorded" : PrintedDate.day(date);
    }

    /** A date (yyyy-mm-dd) as a day, or an instant as the day and time in London. */
    private static String when(String at) {
        return at.length() == 10 ? day(LocalDate.parse(at)) : PrintedDate.time(Instant.parse(at), ProgrammeClock.ZONE);
    }

    /** {@code did_not_attend} → {@code Did not attend}. */
    static String words(String code) {
        String spaced = code.replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    // issue 17 (attention-core): the viewer's alerts on this case; null when the viewer's role is never told of any
    private List<AlertInboxPage.Row> alerts;

    void showAlerts(List<Alert> shown) {
        this.alerts = shown.stream().map(AlertInboxPage::row).toList();
    }

    public List<AlertInboxPage.Row> getAlerts() {
        return alerts;
    }
}
