package org.desist.summary;

import java.util.List;
import org.desist.session.Attendance;

/** The sections both summaries print the same way, so the two documents cannot disagree on them. */
final class SharedSections {
    private SharedSections() {}

    static void identity(SummaryLines lines, String title, CaseIdentity identity) {
        lines.section(title)
                .field("Name", identity.givenName() + " " + identity.familyName())
                .field("Date of birth", Wording.date(identity.dateOfBirth()))
                .field("Case reference", identity.caseRef())
                .field("Site", identity.siteName())
                .field("PNC id", identity.pncId())
                .field("NHS number", Wording.nhsNumber(identity.nhsNumber()));
    }

    static void legalPosition(SummaryLines lines, String title, LegalPosition position) {
        lines.section(title)
                .field("Stated at referral", position.statedAtReferral())
                .subheading("Legal measures, those in force first")
                .table(
                        List.of("Measure", "Dates", "In force", "Conditions"),
                        position.measures(),
                        measure -> List.of(
                                Wording.words(measure.kind()),
                                Wording.date(measure.from()) + " \u2013 "
                                        + (measure.until() == null ? "no end date" : Wording.date(measure.until())),
                                Wording.yesNo(measure.inForce()),
                                measure.conditions() == null ? Wording.DASH : measure.conditions()));
    }

    static void incidents(SummaryLines lines, String title, List<IncidentEntry> incidents) {
        lines.section(title)
                .table(
                        List.of("Date", "Incident", "Source", "Details"),
                        incidents,
                        incident -> List.of(
                                Wording.date(incident.occurredOn()),
                                Wording.words(incident.kind()),
                                Wording.words(incident.source()),
                                incident.details()));
    }

    /** Offered, attended, did not attend and the rate, as {@link Attendance} defines them. */
    static void attendance(SummaryLines lines, AttendanceFigures figures) {
        Attendance attendance = figures.attendance();
        lines.field("Sessions offered", String.valueOf(attendance.offered()))
                .field("Attended (on time or late)", String.valueOf(attendance.attended()))
                .field("Did not attend", String.valueOf(attendance.didNotAttend()))
                .field("Cancelled by the participant", String.valueOf(attendance.cancelledByParticipant()))
                .field("Attendance rate", Wording.percent(attendance.rate()))
                .field("Cancelled by the service", figures.cancelledByService() + " (not offered, outside the rate)")
                .field("Awaiting an outcome", String.valueOf(figures.awaitingOutcome()));
    }
}
