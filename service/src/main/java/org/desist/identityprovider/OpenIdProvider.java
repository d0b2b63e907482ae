package org.desist.identityprovider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The organisation's OpenID provider as the Nimbus SDK speaks to it: its metadata (discovered once, and again
 * after a failure), its signing keys (a JWK source that caches them and fetches them afresh when a token names a
 * key it does not hold), the authorization request, the token request, and the checks of ID tokens and JWT access
 * tokens. Nothing here is hand-made: every check is the SDK's.
 */
class OpenIdProvider {
    /** Asymmetric signatures only: never HMAC (the client secret would sign) and never "none". */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private static final int TIMEOUT_MILLIS = 5_000;

    /** What the provider's metadata gives: endpoints and a key source for its JWKS. */
    private record Discovered(
            OIDCProviderMetadata metadata,
            JWKSource<SecurityContext> keys,
            DefaultJWTProcessor<SecurityContext> accessTokens) {}

    private final IdentityProviderSettings settings;
    private final Issuer issuer;
    private final ClientID client;
    private final PrivateKey clientKey;
    private volatile Discovered discovered;

    OpenIdProvider(IdentityProviderSettings settings) {
        this.settings = settings;
        this.issuer = new Issuer(settings.getIssuer());
        this.client = new ClientID(settings.getClientId());
        this.clientKey = settings.getPrivateKeyFile().isEmpty()
                ? null
                : ClientKeys.read(java.nio.file.Path.of(settings.getPrivateKeyFile()));
    }

    String issuer() {
        return issuer.getValue();
    }

    /**
     * Where to send the browser: the code flow with PKCE (S256), this state and this nonce, and {@code max_age} so
     * that the provider asks the person again when it last checked them longer ago.
     */
    URI authorizationRequest(URI callback, State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(
                        ResponseType.CODE, new Scope(settings.getScopes().toArray(String[]::new)), client, callback)
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .maxAge((int) settings.getMaxAuthenticationAge().toSeconds())
                .build()
                .toURI();
    }

    /**
     * Exchanges the code (with the PKCE verifier) for tokens, and checks the ID token: signature against the
     * provider's keys, issuer, audience (this client), expiry and nonce.
     */
    IDTokenClaimsSet redeem(AuthorizationCode code, URI callback, CodeVerifier verifier, Nonce nonce)
            throws ProviderRefusal {
        Discovered provider = discovered();
        URI tokenEndpoint = provider.metadata().getTokenEndpointURI();
        TokenResponse answer;
        try {
            HTTPRequest request = new TokenRequest(
                            tokenEndpoint,
                            clientAuthentication(tokenEndpoint),
                            new AuthorizationCodeGrant(code, callback, verifier))
                    .toHTTPRequest();
            request.setConnectTimeout(TIMEOUT_MILLIS);
            request.setReadTimeout(TIMEOUT_MILLIS);
            answer = OIDCTokenResponseParser.parse(request.send());
        } catch (IOException | ParseException | JOSEException e) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.PROVIDER_UNREACHABLE,
                    "token request failed: " + e.getClass().getSimpleName());
        }
        if (!answer.indicatesSuccess()) {
            ErrorObject error = answer.toErrorResponse().getErrorObject();
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.PROVIDER_ERROR, "token request refused: " + error.getCode());
        }
        IDTokenValidator validator = new IDTokenValidator(
                issuer, client, new JWSVerificationKeySelector<>(ALGORITHMS, provider.keys()), null);
        try {
            return validator.validate(
                    ((OIDCTokenResponse) answer.toSuccessResponse())
                            .getOIDCTokens()
                            .getIDToken(),
                    nonce);
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            throw new ProviderRefusal(ProviderRefusal.Reason.BAD_ID_TOKEN, "ID token refused: " + e.getMessage());
        }
    }

    /**
     * A JWT access token's claims, if the provider signed it for this service's audience: signature against the
     * provider's keys, issuer, audience, expiry (required) and not-before.
     */
    JWTClaimsSet accessToken(String token) throws ProviderRefusal {
        if (settings.getAudience().isEmpty()) {
            throw new ProviderRefusal(ProviderRefusal.Reason.BAD_ACCESS_TOKEN, "no audience configured");
        }
        try {
            return discovered().accessTokens().process(token, null);
        } catch (java.text.ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            if (e instanceof ProviderRefusal refusal) {
                throw refusal;
            }
            throw new ProviderRefusal(ProviderRefusal.Reason.BAD_ACCESS_TOKEN, e.getMessage());
        }
    }

    /** The checks of a JWT access token, made once: its keys come from the provider's key source. */
    private DefaultJWTProcessor<SecurityContext> accessTokenProcessor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        // a HashSet: the verifier asks whether the accepted audiences contain null, which Set.of cannot answer
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new HashSet<>(List.of(settings.getAudience())),
                new JWTClaimsSet.Builder().issuer(issuer.getValue()).build(),
                new HashSet<>(List.of("iss", "aud", "exp", "sub")),
                null));
        return processor;
    }

    private ClientAuthentication clientAuthentication(URI tokenEndpoint) throws JOSEException {
        if (clientKey == null) {
            return new ClientSecretBasic(client, new Secret(settings.getClientSecret()));
        }
        return new PrivateKeyJWT(
                client,
                tokenEndpoint,
                clientKey.getAlgorithm().equals("EC") ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256,
                clientKey,
                settings.getPrivateKeyId().isEmpty() ? null : settings.getPrivateKeyId(),
                null);
    }

    /**
     * A discovered endpoint must be HTTPS (or on loopback) like the issuer: else sign-ins stop at a page saying the
     * provider could not be reached, and the log says why. Not remembered, so a corrected document is taken.
     */
    private static void requireHttps(String name, URI endpoint) {
        if (endpoint == null || !ProviderTransport.secure(endpoint.toString())) {
            throw new ProviderRefusal(
                    ProviderRefusal.Reason.PROVIDER_UNREACHABLE,
                    "discovery names " + name + " " + endpoint + ", not an https:// URL (plain http:// only on"
                            + " loopback)");
        }
    }

    /** The metadata, fetched at first need; a failure is not remembered, so the next sign-in tries again. */
    private Discovered discovered() throws ProviderRefusal {
        Discovered known = discovered;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovered == null) {
                try {
                    OIDCProviderMetadata metadata =
                            OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
                    requireHttps("authorization_endpoint", metadata.getAuthorizationEndpointURI());
                    requireHttps("token_endpoint", metadata.getTokenEndpointURI());
                    requireHttps("jwks_uri", metadata.getJWKSetURI());
                    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(
                                    metadata.getJWKSetURI().toURL())
                            .retrying(true)
                            .build();
                    discovered = new Discovered(metadata, keys, accessTokenProcessor(keys));
                } catch (GeneralException | IOException | IllegalArgumentException e) {
                    throw new ProviderRefusal(
                            ProviderRefusal.Reason.PROVIDER_UNREACHABLE,
                            "discovery failed: " + e.getClass().getSimpleName());
                }
            }
            return discovered;
        }
    }
}
