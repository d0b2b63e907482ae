package org.desist.cohortreport;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file name a report is saved under, from the words that say what it is: letters and digits of each
 * part lower-cased, accents dropped, everything else a single hyphen, so that it is safe in a
 * Content-Disposition header and on any file system.
 */
final class DownloadName {
    private DownloadName() {}

    static String of(String... parts) {
        return Arrays.stream(parts)
                        .map(DownloadName::slug)
                        .filter(part -> !part.isEmpty())
                        .collect(Collectors.joining("-"))
                + ".pdf";
    }

    static String slug(String words) {
        String plain = Normalizer.normalize(words, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }
}
