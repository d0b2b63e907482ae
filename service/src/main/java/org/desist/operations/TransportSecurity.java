package org.desist.operations;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import org.desist.refusal.StartRefused;

/**
 * No plain HTTP off this machine (V12.2.1): a connector that speaks plain HTTP must listen on loopback, unless the
 * operator declares a TLS proxy in front ({@code web.behindTlsProxy}). The admin connector follows the same rule:
 * it carries no case data, but its thread dumps and metrics are for operators only, and off loopback they would
 * cross the network in clear. A connector of the service's own that speaks TLS (Dropwizard's {@code type: https})
 * gets TLS 1.3 and 1.2 only and AEAD suites with forward secrecy, strongest first, unless the operator names
 * others; naming weaker ones refuses the start (V12.1.1, V12.1.2).
 */
public final class TransportSecurity {
    /** The protocols an https connector speaks unless told otherwise; naming any other refuses the start. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The suites an https connector offers unless told otherwise, in the order it prefers them. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");

    /** TLS 1.3's suites, or (EC)DHE key exchange with an AEAD cipher: forward secrecy and no CBC. */
    private static final Pattern STRONG_SUITE =
            Pattern.compile("TLS_(AES_(128|256)_(GCM|CCM)|CHACHA20_POLY1305)_SHA(256|384)"
                    + "|TLS_(ECDHE|DHE)_(ECDSA|RSA)_WITH_(AES_(128|256)_(GCM|CCM)|CHACHA20_POLY1305)_SHA(256|384)");

    private TransportSecurity() {}

    /** Refuses the start on plain HTTP off loopback or weak TLS; fills in the TLS defaults of https connectors. */
    public static void require(ServerFactory server, boolean behindTlsProxy) {
        if (server instanceof DefaultServerFactory connectors) {
            connectors
                    .getApplicationConnectors()
                    .forEach(connector -> check(connector, "application", "DESIST_BIND", behindTlsProxy));
            connectors
                    .getAdminConnectors()
                    .forEach(connector -> check(connector, "admin", "DESIST_ADMIN_BIND", behindTlsProxy));
        } else if (server instanceof SimpleServerFactory simple) {
            check(simple.getConnector(), "application", "DESIST_BIND", behindTlsProxy);
        }
    }

    private static void check(ConnectorFactory connector, String which, String bindVariable, boolean behindTlsProxy) {
        if (connector instanceof HttpsConnectorFactory https) {
            requireStrongTls(https, which);
        } else if (connector instanceof HttpConnectorFactory http && !behindTlsProxy && !loopback(http.getBindHost())) {
            String where = http.getBindHost() == null || http.getBindHost().isBlank()
                    ? "every interface (port " + http.getPort() + ")"
                    : http.getBindHost() + ":" + http.getPort();
            throw new StartRefused("the " + which + " connector would serve plain HTTP on " + where
                    + ", off loopback: bind it to loopback (" + bindVariable + "=127.0.0.1), make it https, or set"
                    + " DESIST_BEHIND_TLS_PROXY=true if a TLS proxy is in front (docs/operations.md, \"TLS\")");
        }
    }

    private static void requireStrongTls(HttpsConnectorFactory https, String which) {
        if (https.getSupportedProtocols() == null
                || https.getSupportedProtocols().isEmpty()) {
            https.setSupportedProtocols(PROTOCOLS);
        }
        https.getSupportedProtocols().stream()
                .filter(protocol -> !PROTOCOLS.contains(protocol))
                .findFirst()
                .ifPresent(weak -> {
                    throw new StartRefused("the " + which + " connector's supportedProtocols name " + weak
                            + ": only TLSv1.2 and TLSv1.3 are allowed (docs/operations.md, \"TLS\")");
                });
        if (https.getSupportedCipherSuites() == null
                || https.getSupportedCipherSuites().isEmpty()) {
            https.setSupportedCipherSuites(CIPHER_SUITES);
        }
        https.getSupportedCipherSuites().stream()
                .filter(suite -> !STRONG_SUITE.matcher(suite).matches())
                .findFirst()
                .ifPresent(weak -> {
                    throw new StartRefused("the " + which + " connector's supportedCipherSuites name " + weak
                            + ": only AEAD suites with forward secrecy are allowed (TLS 1.3's, or ECDHE/DHE with"
                            + " AES-GCM, AES-CCM or ChaCha20-Poly1305; docs/operations.md, \"TLS\")");
                });
    }

    /** True when every address the host names is a loopback address; an empty host is every interface. */
    static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
