package org.desist.db;

import io.dropwizard.db.DataSourceFactory;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.desist.refusal.StartRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL over TLS with its certificate verified (V12.3): {@code sslmode=verify-full} and {@code sslrootcert} in
 * the JDBC URL. One connection is tried before the start goes on, so that a certificate the root certificate does
 * not verify is said in one line that names neither the URL nor the password (either may hold a secret), not as a
 * migration's stack trace; a server off loopback reached without verify-full is warned about.
 */
final class ServerCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);
    private static final Pattern SSLMODE = Pattern.compile("[?&]sslmode=([^&]*)");
    private static final Pattern HOST = Pattern.compile("^jdbc:postgresql://\\[?([^/:\\]?,]*)");
    private static final String ADVICE = "sslrootcert must name the file of the CA that signed the server's"
            + " certificate, and that certificate must name the host of the URL (docs/operations.md, \"PostgreSQL over"
            + " TLS\")";

    private ServerCertificate() {}

    static void requireVerified(DataSourceFactory database) {
        String sslmode = sslmode(database);
        warnIfUnverified(database.getUrl(), sslmode);
        Properties properties = new Properties();
        database.getProperties().forEach(properties::setProperty);
        if (database.getUser() != null && !database.getUser().isEmpty()) {
            properties.setProperty("user", database.getUser());
        }
        if (database.getPassword() != null && !database.getPassword().isEmpty()) {
            properties.setProperty("password", database.getPassword());
        }
        try (Connection probe = DriverManager.getConnection(database.getUrl(), properties)) {
            // reached, over TLS verified as the URL asks
        } catch (SQLException e) {
            String problem = tlsProblem(e);
            if (problem != null) {
                throw new StartRefused("the database server's TLS certificate could not be verified (sslmode=" + sslmode
                        + "): " + problem + ". " + ADVICE);
            }
            // anything else (the server down, a wrong password) the migration and the pool report as before
        }
    }

    /** What went wrong with TLS, in words; null when the failure was not about TLS. */
    static String tlsProblem(Throwable failure) {
        boolean tls = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException
                    || (cause.getMessage() != null && cause.getMessage().contains("PKIX path"))) {
                return "the server's certificate does not chain to the CA in sslrootcert";
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("could not be verified by hostnameverifier")) {
                return "the server's certificate does not name the host of the URL";
            }
            if (message.contains("SSL root certificate file") || message.contains("Could not read SSL root")) {
                return "the file named by sslrootcert cannot be read";
            }
            if (message.contains("does not support SSL")) {
                return "the server does not speak TLS";
            }
            tls |= cause instanceof SSLException || cause instanceof CertificateException;
        }
        return tls ? "the TLS handshake failed" : null;
    }

    private static String sslmode(DataSourceFactory database) {
        Matcher inUrl = SSLMODE.matcher(database.getUrl());
        if (inUrl.find()) {
            return inUrl.group(1).toLowerCase(Locale.ROOT);
        }
        return database.getProperties().getOrDefault("sslmode", "prefer").toLowerCase(Locale.ROOT);
    }

    private static void warnIfUnverified(String url, String sslmode) {
        Matcher host = HOST.matcher(url);
        String name = host.find() ? host.group(1) : "";
        boolean local = name.isEmpty() || name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
        if (!local && !sslmode.equals("verify-full")) {
            LOG.warn(
                    "PostgreSQL at {} is reached with sslmode={}, not verify-full: the connection is not both encrypted"
                            + " and checked against the server's certificate; add sslmode=verify-full&sslrootcert=<CA"
                            + " file> to DESIST_DB_URL (docs/operations.md, \"PostgreSQL over TLS\")",
                    name,
                    sslmode);
        }
    }
}
