package org.desist.participant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms in which identities are compared, so that one person written two ways is still one person: names
 * without case, spacing or accents ("Zoë Mc Kay" is "zoemckay"), NHS numbers without spaces, PNC ids without
 * case or spaces. Stored beside the identity (participant.given_key, family_key, nhs_key, pnc_key) and kept
 * current with it.
 */
public final class MatchKey {
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private MatchKey() {}

    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return SPACES.matcher(COMBINING_MARKS.matcher(decomposed).replaceAll(""))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    public static String nhs(String value) {
        return value == null ? null : SPACES.matcher(value).replaceAll("");
    }

    public static String pnc(String value) {
        return value == null ? null : SPACES.matcher(value).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
