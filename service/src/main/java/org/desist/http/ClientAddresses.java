package org.desist.http;

import com.google.common.net.InetAddresses;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Where a request comes from, for the audit trail and the sign-in throttle: the connection's peer, unless the
 * peer is one of the trusted proxies ({@code trustedProxies}). Then X-Forwarded-For is read from the right,
 * past every trusted proxy, and the first address not trusted is the client's. Anyone else's X-Forwarded-For is
 * ignored, since it is only the sender's word; so is a hop that is not an address.
 */
@PreMatching
@Priority(3)
public class ClientAddresses implements ContainerRequestFilter {
    public static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String PROPERTY = "desist.clientAddress";

    @Context
    private HttpServletRequest servlet;

    private final InetAddressSet trusted = new InetAddressSet();

    /** Addresses, CIDR blocks ({@code 10.0.0.0/8}) or ranges ({@code 10.0.0.1-10.0.0.9}); never host names. */
    public ClientAddresses(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String pattern = entry.strip();
            // InetAddressSet would look a host name up in DNS: only literal addresses are taken
            String first = pattern.split("[/-]", 2)[0];
            String last = pattern.contains("-") ? pattern.substring(pattern.indexOf('-') + 1) : first;
            boolean literal = InetAddresses.isInetAddress(first) && InetAddresses.isInetAddress(last);
            if (!literal) {
                throw new IllegalArgumentException(
                        "trustedProxies: '" + pattern + "' is not an address, a CIDR block or a range of addresses");
            }
            trusted.add(pattern);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(
                PROPERTY, resolve(servlet.getRemoteAddr(), request.getHeaders().get(FORWARDED_FOR)));
    }

    /** The address {@link #filter} found for this request. */
    public static String of(ContainerRequestContext request) {
        Object address = request.getProperty(PROPERTY);
        return address == null ? "unknown" : address.toString();
    }

    String resolve(String peer, List<String> forwardedFor) {
        String client = peer;
        if (forwardedFor == null || !isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(Arrays.asList(header.split(","))));
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // the last address a trusted proxy vouched for stands
            }
            client = InetAddresses.toAddrString(hop.get());
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return !trusted.isEmpty() && literal(address).map(trusted::test).orElse(false);
    }

    /** An address as proxies write it, perhaps with a port or brackets; never a DNS lookup. */
    private static Optional<InetAddress> literal(String hop) {
        if (hop == null) {
            return Optional.empty();
        }
        String text = hop.strip();
        if (text.startsWith("[") && text.contains("]")) {
            text = text.substring(1, text.indexOf(']'));
        } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            text = text.substring(0, text.indexOf(':'));
        }
        return InetAddresses.isInetAddress(text) ? Optional.of(InetAddresses.forString(text)) : Optional.empty();
    }
}
