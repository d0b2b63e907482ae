package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.desist.refusal.StartRefused;
import org.junit.jupiter.api.Test;

/**
 * ASVS V12.3.1: the identity provider is reached over HTTPS only. A plain-HTTP issuer refuses to start unless it is
 * on this machine (loopback: the tests' and CI's providers), and a discovery document that names a plain-HTTP
 * endpoint elsewhere is refused at the sign-in that fetched it.
 */
class ProviderSettingsTest {

    @Test
    void a_plain_http_issuer_off_loopback_refuses_to_start_naming_the_setting() {
        for (String issuer : List.of(
                "http://idp.example/realms/nhs",
                "http://127.0.0.1.idp.example/",
                "http://localhost.idp.example/",
                "http://10.0.0.7/",
                "ftp://idp.example/",
                "idp.example")) {
            assertThatThrownBy(() -> configure(issuer))
                    .as(issuer)
                    .isInstanceOf(StartRefused.class)
                    .hasMessageContaining("identityProvider.issuer")
                    .hasMessageContaining("DESIST_OIDC_ISSUER")
                    .hasMessageContaining("https");
        }
    }

    @Test
    void https_or_plain_http_on_loopback_starts() {
        for (String issuer : List.of(
                "https://idp.example/realms/nhs",
                "HTTPS://login.microsoftonline.com/tenant/v2.0",
                "http://127.0.0.1:9/ci-identity-provider",
                "http://127.9.8.7/idp",
                "http://localhost:8080/default",
                "http://LOCALHOST/default",
                "http://[::1]:9/idp")) {
            assertThat(configure(issuer)).as(issuer).isNotNull();
        }
    }

    @Test
    void a_discovered_plain_http_endpoint_off_loopback_is_refused_at_sign_in() throws IOException {
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            HttpServer server = discovery(endpoint, "http://idp.example/" + endpoint);
            try {
                OpenIdProvider provider = new OpenIdProvider(settings(issuerOf(server)));
                assertThatThrownBy(() -> authorize(provider))
                        .as(endpoint)
                        .isInstanceOf(ProviderRefusal.class)
                        .hasMessageContaining(endpoint)
                        .hasMessageContaining("https")
                        .extracting(refusal -> ((ProviderRefusal) refusal).reason())
                        .isEqualTo(ProviderRefusal.Reason.PROVIDER_UNREACHABLE);
            } finally {
                server.stop(0);
            }
        }
    }

    @Test
    void discovered_endpoints_on_loopback_or_https_are_used() throws IOException {
        HttpServer server = discovery("token_endpoint", "https://idp.example/token");
        try {
            URI authorize = authorize(new OpenIdProvider(settings(issuerOf(server))));
            assertThat(authorize.toString()).startsWith(issuerOf(server) + "/authorize?");
        } finally {
            server.stop(0);
        }
    }

    /** ASVS V7.6.1: a maximum age longer than a day would let yesterday's session at the provider sign in. */
    @Test
    void a_maximum_authentication_age_over_a_day_refuses_to_start() {
        IdentityProviderSettings settings = settings("https://idp.example/");
        assertThat(settings.getMaxAuthenticationAge()).isEqualTo(io.dropwizard.util.Duration.hours(1));
        settings.setMaxAuthenticationAge(io.dropwizard.util.Duration.hours(24));
        assertThat(IdentityProvider.configure(settings, null, Clock.systemUTC(), null))
                .isNotNull();
        settings.setMaxAuthenticationAge(io.dropwizard.util.Duration.hours(25));
        assertThatThrownBy(() -> IdentityProvider.configure(settings, null, Clock.systemUTC(), null))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("identityProvider.maxAuthenticationAge")
                .hasMessageContaining("DESIST_OIDC_MAX_AGE");
    }

    private static IdentityProvider configure(String issuer) {
        return IdentityProvider.configure(settings(issuer), null, Clock.systemUTC(), null);
    }

    private static IdentityProviderSettings settings(String issuer) {
        IdentityProviderSettings settings = new IdentityProviderSettings();
        settings.setIssuer(issuer);
        settings.setClientId("desist");
        settings.setClientSecret("not a secret");
        return settings;
    }

    private static URI authorize(OpenIdProvider provider) {
        return provider.authorizationRequest(
                URI.create("http://127.0.0.1/sign-in/provider/callback"), new State(), new Nonce(), new CodeVerifier());
    }

    private static String issuerOf(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
    }

    /** A provider on loopback whose discovery document names its own endpoints, but this one as given. */
    private static HttpServer discovery(String endpoint, String url) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = issuerOf(server);
        String document = ("{\"issuer\":\"%1$s\",\"authorization_endpoint\":\"%2$s\",\"token_endpoint\":\"%3$s\","
                        + "\"jwks_uri\":\"%4$s\",\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                .formatted(
                        issuer,
                        endpoint.equals("authorization_endpoint") ? url : issuer + "/authorize",
                        endpoint.equals("token_endpoint") ? url : issuer + "/token",
                        endpoint.equals("jwks_uri") ? url : issuer + "/jwks");
        server.createContext("/idp/.well-known/openid-configuration", exchange -> {
            byte[] body = document.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
