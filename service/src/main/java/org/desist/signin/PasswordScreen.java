package org.desist.signin;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.desist.auth.Role;

/**
 * The one rule for a new password (ASVS 6.2.1, 6.2.4, 6.2.9, 6.2.11, 6.2.12), checked offline: the length (12 to
 * {@link Passwords#MAX_LENGTH} characters, nothing else about its make-up); not one of zxcvbn's 30,000 most common
 * breached passwords, even with digits, separators or capitals added; not built from words anyone could guess here
 * ({@link #FIXED_CONTEXT}, role names, the site codes and names, the username and its parts); and zxcvbn's guess
 * estimate, given those words, at least {@link #MIN_SCORE} (10^8 guesses). Passwords the service makes pass it too.
 */
public final class PasswordScreen {
    /** zxcvbn's score 3: at least 10^8 guesses, "safely unguessable" against a slow hash offline. */
    public static final int MIN_SCORE = 3;
    /** Fewer letters than this left once the context words are taken out: the password is those words. */
    private static final int MIN_OWN_LETTERS = 4;
    /** The service's own words, whatever the database holds. */
    public static final List<String> FIXED_CONTEXT =
            List.of("desist", "desistance", "stalking", "stalker", "stalk", "intervention", "administrator");

    static final String COMMON = "is one of the most common passwords (digits, separators and capitals aside):"
            + " choose a passphrase of your own, such as three or four unrelated words";
    static final String CONTEXT = "is built from words anyone could guess here (the service's name, its subject, a"
            + " site, a role or your username): choose words of your own";
    static final String GUESSABLE = "is too easy to guess (a common word, name, date, sequence, keyboard pattern or"
            + " repetition): add words of your own";

    /** The characters zxcvbn judges: its authors' advice, and a bound on its time (a few milliseconds). */
    public static final int MEASURED = 100;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();
    private static final Set<String> COMMON_PASSWORDS = commonPasswords();

    private PasswordScreen() {}

    /**
     * Why this new password is refused, or null when it is acceptable. {@code context} holds the words of this
     * account and deployment (username, site codes and names); the fixed words and role names are added here.
     */
    public static String weakness(String password, Collection<String> context) {
        String length = Passwords.weakness(password);
        if (length != null) {
            return length;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = lettersOf(lower);
        if (COMMON_PASSWORDS.contains(lower) || (!letters.isEmpty() && COMMON_PASSWORDS.contains(letters))) {
            return COMMON;
        }
        List<String> words = contextWords(context);
        if (!letters.isEmpty() && withoutWords(letters, words).length() < MIN_OWN_LETTERS) {
            return CONTEXT;
        }
        // zxcvbn's time grows much faster than the length (about 50 s for 1,024 characters): it judges the first
        // MEASURED characters, a lower bound of the whole's strength, so a long password cannot tie up a thread
        Strength strength = ZXCVBN.measure(password.substring(0, Math.min(password.length(), MEASURED)), words);
        try {
            return strength.getScore() < MIN_SCORE ? GUESSABLE : null;
        } finally {
            strength.wipe();
        }
    }

    /** The words given, the fixed ones and the role names, each whole and in its parts, letters only. */
    static List<String> contextWords(Collection<String> context) {
        Set<String> words = new HashSet<>();
        List<String> sources = new ArrayList<>(FIXED_CONTEXT);
        for (Role role : Role.values()) {
            sources.add(role.name());
        }
        sources.addAll(context);
        for (String source : sources) {
            if (source == null) {
                continue;
            }
            String lower = source.toLowerCase(Locale.ROOT);
            words.add(lettersOf(lower));
            for (String part : lower.split("[^\\p{L}]+")) {
                words.add(part);
            }
        }
        words.removeIf(word -> word.length() < 3);
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    private static String withoutWords(String letters, List<String> longestFirst) {
        String rest = letters;
        for (String word : longestFirst) {
            rest = rest.replace(word, "");
        }
        return rest;
    }

    private static String lettersOf(String text) {
        return text.replaceAll("[^\\p{L}]", "");
    }

    /** zxcvbn's list of 30,000 passwords from breaches, each as given and as its letters alone. */
    private static Set<String> commonPasswords() {
        try {
            Set<String> common = new HashSet<>();
            for (String entry : StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies()) {
                String lower = entry.toLowerCase(Locale.ROOT);
                common.add(lower);
                String letters = lettersOf(lower);
                if (!letters.isEmpty()) {
                    common.add(letters);
                }
            }
            return Set.copyOf(common);
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's list of common passwords is part of its jar", e);
        }
    }
}
