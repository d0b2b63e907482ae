package org.desist.identityprovider;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ASVS V12.3.1: the identity provider is reached over HTTPS, its issuer and every endpoint its discovery document
 * names. Plain HTTP only to this machine (loopback: 127.0.0.0/8, ::1, localhost), where the tests' and CI's
 * providers run and nothing crosses a network. Decided from the URL alone: a name is never looked up.
 */
final class ProviderTransport {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ProviderTransport() {}

    /** Whether Desist may send sign-ins, codes and client credentials to this URL. */
    static boolean secure(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()));
    }

    private static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = IPV4.matcher(host).matches() || host.startsWith("[") && host.endsWith("]");
        if (!literal) {
            return false;
        }
        try {
            // an address literal: parsed, not looked up
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
