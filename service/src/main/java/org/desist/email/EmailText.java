package org.desist.email;

import java.util.List;

/**
 * What an email says. Nothing of a case: no name, note, diagnosis or rule, only that a case at a site needs
 * attention (an alert) or which case references have open alerts (the digest), and where to look. Whoever reads
 * the mailbox, or the mail servers on the way, learns no more than that.
 */
public final class EmailText {
    private EmailText() {}

    public record Email(String subject, String body) {}

    public static Email alert(String siteName, String baseUrl) {
        String line = "A case at " + siteName + " needs your attention in Desist";
        return new Email(line, line + ".\n\nSign in to see it: " + inbox(baseUrl) + "\n\n" + footer());
    }

    public static Email digest(List<String> caseRefs, String baseUrl) {
        StringBuilder body = new StringBuilder("Cases with alerts open for you in Desist:\n\n");
        caseRefs.forEach(ref -> body.append("  ").append(ref).append('\n'));
        body.append("\nSign in to see them: ")
                .append(inbox(baseUrl))
                .append("\n\n")
                .append(footer());
        return new Email("Your open alerts in Desist", body.toString());
    }

    private static String inbox(String baseUrl) {
        String base = baseUrl == null ? "" : baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/alerts";
    }

    private static String footer() {
        return "This message holds no case details by design. Do not reply to it.";
    }
}
