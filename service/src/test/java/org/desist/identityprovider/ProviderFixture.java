package org.desist.identityprovider;

import static io.dropwizard.testing.ConfigOverride.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Headers;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.TestDatabase;

/**
 * A real OpenID provider in the test JVM (mock-oauth2-server, issuer "default") and the service configured to sign
 * in with it: client "desist", API audience "desist-api", amr "mfa" or acr "high" counting as a second factor.
 */
final class ProviderFixture {
    static final String ISSUER_ID = "default";
    static final String CLIENT = "desist";
    static final String API_AUDIENCE = "desist-api";
    static final String BUTTON = "Sign in with NHS CIS2";

    final MockOAuth2Server provider;
    private final TokenOverride tokenOverride = new TokenOverride();
    final TestDatabase database = TestDatabase.fresh();
    final DropwizardAppExtension<DesistConfiguration> app;

    ProviderFixture(boolean interactiveLogin) {
        provider = new MockOAuth2Server(new OAuth2Config(interactiveLogin), tokenOverride);
        provider.start();
        app = new DropwizardAppExtension<>(
                DesistApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                database.overrides(
                        config("identityProvider.issuer", issuer()),
                        config("identityProvider.clientId", CLIENT),
                        config("identityProvider.clientSecret", "not a real secret"),
                        config("identityProvider.audience", API_AUDIENCE),
                        config("identityProvider.secondFactorAmr", "mfa,hwk"),
                        config("identityProvider.secondFactorAcr", "high"),
                        config("identityProvider.buttonText", BUTTON)));
    }

    String issuer() {
        return provider.issuerUrl(ISSUER_ID).toString();
    }

    /**
     * The next sign-in at the provider is this subject's, with these extra claims in its tokens (and an
     * {@code auth_time} of now unless they hold one: the person just entered their password at the provider).
     */
    void nextSignInAs(String subject, Map<String, Object> claims) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, authenticatedNow(claims), 3600));
    }

    /** These claims with {@code auth_time} now (seconds since the epoch) if they have none. */
    static Map<String, Object> authenticatedNow(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        all.putIfAbsent("auth_time", Instant.now().getEpochSecond());
        return all;
    }

    /** A token the provider signs: the audience, claims and lifetime (seconds; negative: expired) given. */
    String signed(String subject, List<String> audience, Map<String, Object> claims, long lifetime) {
        return provider.issueToken(
                        ISSUER_ID,
                        CLIENT,
                        new DefaultOAuth2TokenCallback(
                                ISSUER_ID, subject, "JWT", audience, authenticatedNow(claims), lifetime))
                .serialize();
    }

    /** A token just like the provider's but signed with a key the provider never published, under its key id. */
    String forged(String subject, List<String> audience, Map<String, Object> claims) {
        try {
            String kid = SignedJWT.parse(signed(subject, audience, claims, 3600))
                    .getHeader()
                    .getKeyID();
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject(subject)
                    .audience(audience)
                    .issueTime(new Date())
                    .notBeforeTime(new Date())
                    .expirationTime(new Date(System.currentTimeMillis() + 3_600_000));
            authenticatedNow(claims).forEach(body::claim);
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(kid)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    body.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's token endpoint answers the next token request with this ID token, whatever it holds. */
    void nextIdToken(String idToken) {
        tokenOverride.next.set("{\"access_token\":\"opaque\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"id_token\":\"" + idToken + "\"}");
    }

    /** A route ahead of the provider's own: the token endpoint's next answer, when a test set one. */
    private static final class TokenOverride implements Route {
        final AtomicReference<String> next = new AtomicReference<>();

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return next.get() != null
                    && "POST".equals(request.getMethod())
                    && request.getUrl().encodedPath().endsWith("/token");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return new OAuth2HttpResponse(
                    Headers.of("Content-Type", "application/json"), 200, next.getAndSet(null), null);
        }
    }

    void stop() {
        provider.shutdown();
    }

    /** A browser without a browser: cookies kept per host, redirects seen one by one. */
    static final class Visitor {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String url) {
            try {
                return http.send(
                        HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        static String location(HttpResponse<String> answer) {
            return answer.headers()
                    .firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no Location: " + answer.statusCode() + " " + answer.body()));
        }
    }

    static Map<String, String> query(String url) {
        String query = URI.create(url).getRawQuery();
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> pair.length < 2 ? "" : URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
