package org.desist.user;

import java.util.Locale;
import java.util.regex.Pattern;
import org.desist.refusal.Refusal;

/**
 * An account's email address, where its alerts are sent: optional, at most 254 characters, one local part and a
 * domain of dotted labels. Not a full RFC 5322 parser on purpose: no quoted parts, comments or bracketed
 * addresses, which no staff mailbox needs and which would carry odd characters into mail headers.
 */
public final class EmailAddress {
    public static final int MAX = 254;
    static final String PATTERN = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private EmailAddress() {}

    /** The address as stored (domain in lower case), null for none (absent or blank); 422 naming the field if bad. */
    public static String normalised(String field, String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String address = given.strip();
        if (address.length() > MAX || !VALID.matcher(address).matches()) {
            throw new Refusal.Invalid(field, "must be an email address such as name@example.org");
        }
        String local = address.substring(0, address.lastIndexOf('@'));
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new Refusal.Invalid(field, "must be an email address such as name@example.org");
        }
        return local + address.substring(local.length()).toLowerCase(Locale.ROOT);
    }
}
