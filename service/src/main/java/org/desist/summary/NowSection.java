package org.desist.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The probation summary's opening section: where the case stands on the day, for a reader who may read no
 * further. Every rating carries its day and the record it comes from, so none is read beside a newer one
 * as if they were of the same time.
 */
final class NowSection {
    /** When nothing happened since the last review, the latest incidents before it, at most this many. */
    static final int EARLIER_INCIDENTS = 3;

    private static final List<String> EVENT_COLUMNS = List.of("Date", "What", "Source / raised by", "Details");

    private NowSection() {}

    static void print(SummaryLines lines, ProbationSummary summary) {
        ProbationSummary.Now now = summary.now();
        lines.section("Now (as of " + Wording.date(summary.generated().asOf()) + ")");
        RiskConclusion assessment = summary.risk().latestAssessment();
        lines.field(
                "Overall risk",
                assessment == null
                        ? "Not assessed yet"
                        : Wording.words(assessment.overallRisk()) + " ("
                                + Wording.words(assessment.kind()).toLowerCase()
                                + " assessment, " + Wording.words(assessment.instrument()) + ", "
                                + Wording.date(assessment.assessedOn())
                                + ")");
        lines.table(
                List.of("Risk domain", "Current rating", "Rated on", "Source"),
                now.domains(),
                domain -> List.of(
                        Wording.words(domain.domain()),
                        Wording.words(domain.rating()),
                        Wording.date(domain.ratedOn()),
                        Wording.words(domain.source())),
                domain -> false,
                "No domain rated yet");

        lines.subheading("Legal measures in force")
                .table(
                        List.of("Measure", "From", "Until", "Conditions"),
                        now.measuresInForce(),
                        measure -> List.of(
                                Wording.words(measure.kind()),
                                Wording.date(measure.from()),
                                Wording.cellDate(measure.until()),
                                measure.conditions() == null ? Wording.DASH : measure.conditions()),
                        measure -> false,
                        "None in force");

        lines.subheading(
                now.lastReviewOn() == null
                        ? "Incidents and concerns (no desistance review yet)"
                        : "Since the last review (" + Wording.date(now.lastReviewOn()) + "): incidents and concerns");
        lines.table(
                EVENT_COLUMNS,
                events(now.incidentsSinceLastReview(), now.concernsSinceLastReview()),
                Event::cells,
                event -> false,
                now.lastReviewOn() == null ? "None recorded" : "None since that review");
        if (now.lastReviewOn() != null && now.incidentsSinceLastReview().isEmpty()) {
            List<IncidentEntry> before = summary.incidents().stream()
                    .filter(incident -> incident.occurredOn().isBefore(now.lastReviewOn()))
                    .toList();
            if (!before.isEmpty()) {
                lines.subheading("The latest incidents before that review")
                        .table(
                                EVENT_COLUMNS,
                                events(
                                        before.subList(Math.max(0, before.size() - EARLIER_INCIDENTS), before.size()),
                                        List.of()),
                                Event::cells);
            }
        }

        lines.subheading("Overdue actions")
                .table(
                        List.of("Owner", "Agency", "Due", "Action"),
                        now.overdueActions(),
                        action -> List.of(
                                action.owner(),
                                Wording.words(action.agency()),
                                Wording.date(action.dueOn()),
                                action.action()),
                        action -> true,
                        "None overdue");

        ProbationSummary.NextSession next = now.nextSession();
        lines.field(
                "Next session",
                next == null
                        ? "None booked"
                        : Wording.time(next.scheduledAt()) + ", "
                                + Wording.words(next.kind()).toLowerCase() + " with " + next.facilitator());
    }

    /** The full list of concerns, for the body of the summary. */
    static void concerns(SummaryLines lines, List<ProbationSummary.Concern> concerns) {
        lines.table(EVENT_COLUMNS, events(List.of(), concerns), Event::cells);
    }

    /** An incident or a concern as one row of a dated list. */
    private record Event(LocalDate on, List<String> cells) {}

    private static List<Event> events(List<IncidentEntry> incidents, List<ProbationSummary.Concern> concerns) {
        List<Event> events = new ArrayList<>();
        incidents.forEach(incident -> events.add(new Event(
                incident.occurredOn(),
                List.of(
                        Wording.date(incident.occurredOn()),
                        Wording.words(incident.kind()),
                        Wording.words(incident.source()),
                        incident.details()))));
        concerns.forEach(concern -> events.add(new Event(
                concern.raisedOn(),
                List.of(
                        Wording.date(concern.raisedOn()),
                        concern.about() == ProbationSummary.ConcernSource.session
                                ? "Concern flagged in a session"
                                : "Victim-safety concern",
                        concern.raisedBy(),
                        concern.actionTaken() == null
                                ? concern.concern()
                                : concern.concern() + " Action taken: " + concern.actionTaken()))));
        events.sort(Comparator.comparing(Event::on));
        return events;
    }
}
