package org.desist.disclosure;

import org.desist.pdf.PrintedDate;
import org.desist.time.ProgrammeClock;

/** A row of a case's ledger as the case page prints it: the time in London, the kind in words. */
public record LedgerLine(String when, String document, String recipient, String purpose, String by, String sha256) {
    public static LedgerLine of(Disclosure disclosure) {
        String kind = disclosure.kind().name().replace('_', ' ');
        return new LedgerLine(
                PrintedDate.time(disclosure.disclosedAt(), ProgrammeClock.ZONE),
                Character.toUpperCase(kind.charAt(0)) + kind.substring(1),
                disclosure.recipientName() + ", " + disclosure.recipientOrganisation(),
                disclosure.purpose(),
                disclosure.disclosedBy(),
                disclosure.contentSha256());
    }
}
