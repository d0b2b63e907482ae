package org.desist.cohortreport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.desist.access.SiteScope;
import org.desist.auth.Caller;
import org.desist.disclosure.DisclosureRequest;
import org.desist.disclosure.Disclosures;
import org.desist.disclosure.DocumentKind;
import org.desist.readmodel.ExportDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The pseudonymised participant-level CSV for evaluators. Minimised: a keyed pseudonym instead of any
 * identifier, an age band instead of the date of birth, months instead of dates (durations in days),
 * categories and counts only: no names, case references, referrers, victim references or free text.
 * Counts are not suppressed here (the rows are people, under a data-sharing agreement); each export is
 * disclosed to a named recipient for a purpose, written to the ledger of disclosures with its audit row.
 */
public class ProgrammeExport {
    static final List<String> COLUMNS = List.of(
            "pseudonym",
            "site",
            "model",
            "cohort",
            "age_band_at_referral",
            "referral_source",
            "referral_month",
            "review_priority",
            "review_decision",
            "days_to_review",
            "enrolment_opened_month",
            "enrolment_state",
            "enrolled_month",
            "exit_state",
            "exit_month",
            "days_enrolled",
            "sessions_offered",
            "sessions_attended",
            "attendance_rate",
            "mean_engagement",
            "onward_referrals_made",
            "onward_referrals_accepted",
            "onward_referrals_engaged",
            "onward_referrals_completed",
            "risk_first_violence",
            "risk_first_persistence",
            "risk_first_recurrence",
            "risk_first_psychosocial_damage",
            "risk_latest_violence",
            "risk_latest_persistence",
            "risk_latest_recurrence",
            "risk_latest_psychosocial_damage",
            "incidents_during_programme",
            "reoffended_within_6_months",
            "reoffended_within_12_months",
            "reoffended_within_24_months");

    private final Jdbi jdbi;
    private final Clock clock;
    private final Disclosures disclosures;
    private final Pseudonyms pseudonyms;

    public ProgrammeExport(Jdbi jdbi, Clock clock, Disclosures disclosures, Pseudonyms pseudonyms) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.disclosures = disclosures;
        this.pseudonyms = pseudonyms;
    }

    /** The CSV's bytes as sent (UTF-8). */
    public byte[] csv(Caller caller, LocalDate from, LocalDate to, DisclosureRequest request) {
        ReportingPeriod period = ReportingPeriod.of(from, to, null, null);
        pseudonyms.require();
        LocalDate today = LocalDate.now(clock);
        List<ExportDao.Row> rows =
                jdbi.withHandle(handle -> ExportDao.rows(handle, SiteScope.of(caller), period.from(), period.to()));
        Csv csv = new Csv(COLUMNS);
        for (ExportDao.Row row : rows) {
            csv.row(line(row, today));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        disclosures.record(
                caller, request, new Disclosures.About(DocumentKind.programme_export, null, null, null), content);
        return content;
    }

    private List<Object> line(ExportDao.Row row, LocalDate today) {
        List<Object> line = new ArrayList<>(Arrays.asList(
                pseudonyms.of(row.participantId()),
                row.siteCode(),
                row.model(),
                row.cohortId(),
                AgeBand.at(row.dateOfBirth(), row.receivedOn()),
                row.source(),
                month(row.receivedOn()),
                row.priority(),
                row.decision(),
                days(row.receivedOn(), row.reviewedOn()),
                month(row.openedOn()),
                row.state(),
                month(row.enrolledOn()),
                row.exitOn() == null ? null : row.state(),
                month(row.exitOn()),
                days(row.enrolledOn(), row.exitOn() != null ? row.exitOn() : row.enrolledOn() == null ? null : today),
                row.sessionsOffered(),
                row.sessionsAttended(),
                FigureSheet.rate(row.sessionsAttended(), row.sessionsOffered()),
                row.engagementRated() == 0 ? null : (double) row.engagementSum() / row.engagementRated(),
                row.onwardMade(),
                row.onwardAccepted(),
                row.onwardEngaged(),
                row.onwardCompleted(),
                row.firstViolence(),
                row.firstPersistence(),
                row.firstRecurrence(),
                row.firstPsychosocialDamage(),
                row.latestViolence(),
                row.latestPersistence(),
                row.latestRecurrence(),
                row.latestPsychosocialDamage(),
                row.incidentsDuringProgramme()));
        for (int months : FigureSheet.FOLLOW_UP_MONTHS) {
            line.add(reoffended(row, months, today));
        }
        return line.stream().map(ProgrammeExport::rounded).toList();
    }

    /** yes or no once followed up for the whole window; empty before then, and for those who have not left. */
    private static String reoffended(ExportDao.Row row, int months, LocalDate today) {
        if (row.exitOn() == null || row.exitOn().plusMonths(months).isAfter(today)) {
            return null;
        }
        boolean within = row.reoffendedOn() != null
                && !row.reoffendedOn().isAfter(row.exitOn().plusMonths(months));
        return within ? "yes" : "no";
    }

    private static Object rounded(Object value) {
        return value instanceof Double number ? BigDecimal.valueOf(number).setScale(4, RoundingMode.HALF_UP) : value;
    }

    private static String month(LocalDate date) {
        return date == null ? null : YearMonth.from(date).toString();
    }

    private static Long days(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : ChronoUnit.DAYS.between(from, to);
    }
}
