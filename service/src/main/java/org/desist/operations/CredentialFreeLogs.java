package org.desist.operations;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * No log line carries a credential, whatever level an operator sets. Two layers, before any appender sees an
 * event:
 * <ul>
 * <li>libraries whose debug output is raw traffic (Jetty's header and buffer dumps, the HTTP clients' wire logs,
 *     the PostgreSQL driver's statements and parameters) log nothing below INFO;</li>
 * <li>any other line whose text looks like a header value (Authorization, Cookie), a Basic or Bearer credential,
 *     a Desist token or a password hash is withheld; at WARN and above a line saying so takes its place, so an
 *     error is never lost without trace.</li>
 * </ul>
 * Desist's own code logs usernames (made safe by LogSafe), never passwords or tokens.
 */
public final class CredentialFreeLogs extends TurboFilter {
    private static final List<String> RAW_TRAFFIC = List.of(
            "org.eclipse.jetty",
            "org.glassfish.jersey",
            "org.apache.hc",
            "org.apache.http",
            "org.postgresql",
            "sun.net.www.protocol.http",
            "jdk.internal.httpclient");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)\\b(proxy-)?authorization\\s*[:=]\\s*\\S"
            + "|(?i)\\b(set-)?cookie\\s*[:=]\\s*\\S"
            + "|(?i)\\b(basic|bearer)\\s+[A-Za-z0-9+/=._~-]{8,}"
            + "|\\bdst_[A-Za-z0-9_-]{16,}"
            + "|\\$argon2(id|i|d)\\$");

    private CredentialFreeLogs() {}

    /** Installs the filter on the logging context, and again after every reconfiguration (Dropwizard resets it). */
    public static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        if (context.getCopyOfListenerList().stream().noneMatch(Reinstall.class::isInstance)) {
            context.addListener(new Reinstall());
        }
        if (context.getTurboFilterList().stream().noneMatch(CredentialFreeLogs.class::isInstance)) {
            context.addTurboFilter(new CredentialFreeLogs());
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == null || logger == null) {
            return FilterReply.NEUTRAL;
        }
        if (!level.isGreaterOrEqual(Level.INFO) && isRawTraffic(logger.getName())) {
            return FilterReply.DENY;
        }
        // the effective level, not isEnabledFor(), which would call this filter again
        if (format == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        String text = params == null
                ? format
                : MessageFormatter.arrayFormat(format, params).getMessage();
        if (carriesCredential(text) || t != null && carriesCredential(String.valueOf(t.getMessage()))) {
            if (level.isGreaterOrEqual(Level.WARN)) {
                logger.log(
                        marker,
                        Logger.FQCN,
                        Level.toLocationAwareLoggerInteger(level),
                        "A log line was withheld: it carried a credential",
                        null,
                        null);
            }
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    static boolean carriesCredential(String text) {
        return text != null && CREDENTIAL.matcher(text).find();
    }

    private static boolean isRawTraffic(String name) {
        for (String prefix : RAW_TRAFFIC) {
            if (name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Dropwizard resets the logging context when it applies the configuration, which drops turbo filters. */
    private static final class Reinstall implements LoggerContextListener {
        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onStart(LoggerContext context) {}

        @Override
        public void onReset(LoggerContext context) {
            context.addTurboFilter(new CredentialFreeLogs());
        }

        @Override
        public void onStop(LoggerContext context) {}

        @Override
        public void onLevelChange(Logger logger, Level level) {}
    }
}
