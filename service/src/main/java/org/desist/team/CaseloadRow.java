package org.desist.team;

import org.desist.pdf.PrintedDate;
import org.desist.time.ProgrammeClock;

/** One case of the caseload as the home page shows it: values for reading. */
public record CaseloadRow(
        String participantId,
        String caseRef,
        String part,
        String priority,
        String state,
        String nextSession,
        int openAlerts) {

    static CaseloadRow of(CaseloadEntry entry) {
        return new CaseloadRow(
                entry.participantId(),
                entry.caseRef(),
                TeamSection.part(entry.teamRole()),
                entry.priority() == null ? "Not reviewed yet" : words(entry.priority()),
                entry.state() == null ? "" : words(entry.state()),
                entry.nextSession() == null
                        ? "None booked"
                        : PrintedDate.time(entry.nextSession(), ProgrammeClock.ZONE),
                entry.openAlerts());
    }

    private static String words(String code) {
        String spaced = code.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
