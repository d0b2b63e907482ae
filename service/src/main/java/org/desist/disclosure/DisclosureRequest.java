package org.desist.disclosure;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;

/**
 * What a download must say before any document leaves: to whom (a person and their organisation) and what
 * for. Parsed from the query parameters {@code recipient} ("Name, Organisation") and {@code purpose}; every
 * fault is reported at once, before anything is read, rendered or written.
 */
public record DisclosureRequest(Recipient recipient, String purpose) {
    public static final String RECIPIENT = "recipient";
    public static final String PURPOSE = "purpose";
    /** Long enough for a name and a full organisation; short enough to print in a page's foot. */
    public static final int MAX_RECIPIENT = 200;

    public static final int MAX_PURPOSE = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The request, or 400 naming each parameter at fault and why. */
    public static DisclosureRequest of(String recipient, String purpose) {
        List<FieldReason> faults = new ArrayList<>();
        Recipient who = null;
        String given = recipient == null ? "" : recipient.strip();
        if (given.isEmpty()) {
            faults.add(new FieldReason(RECIPIENT, "is required: the recipient's name and organisation"));
        } else if (given.length() > MAX_RECIPIENT) {
            faults.add(new FieldReason(RECIPIENT, "must be at most " + MAX_RECIPIENT + " characters"));
        } else if (given.chars().anyMatch(Character::isISOControl)) {
            faults.add(new FieldReason(RECIPIENT, "must not contain control characters"));
        } else {
            int comma = given.indexOf(',');
            String name = comma < 0 ? given : given.substring(0, comma).strip();
            String organisation = comma < 0 ? "" : given.substring(comma + 1).strip();
            if (name.isEmpty() || organisation.isEmpty()) {
                faults.add(
                        new FieldReason(RECIPIENT, "must name a person and their organisation, separated by a comma"));
            } else {
                who = new Recipient(name, organisation);
            }
        }
        String why = purpose == null ? "" : purpose.strip();
        if (why.isEmpty()) {
            faults.add(new FieldReason(PURPOSE, "is required: what the document is disclosed for"));
        } else if (why.length() > MAX_PURPOSE) {
            faults.add(new FieldReason(PURPOSE, "must be at most " + MAX_PURPOSE + " characters"));
        } else if (why.chars().anyMatch(Character::isISOControl)) {
            faults.add(new FieldReason(PURPOSE, "must not contain control characters"));
        }
        if (!faults.isEmpty()) {
            throw new Refusal.BadParameter(
                    "A document is disclosed only to a named recipient for a stated purpose", faults);
        }
        return new DisclosureRequest(who, why);
    }

    /** The line on every page of a disclosed PDF: {@code Disclosed to Jane Hill, HMPPS, for parole, on 4 December 2026}. */
    public String line(LocalDate on) {
        return "Disclosed to " + recipient + ", for " + purpose + ", on " + DAY.format(on);
    }
}
