package org.desist.identityprovider;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Optional;
import org.desist.auth.LogSafe;
import org.desist.signin.Assurance;
import org.desist.signin.Credentials;
import org.desist.signin.ProviderTokens;
import org.desist.signin.TokenAuthenticator;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's JWT access tokens as bearer tokens of the API: checked by {@link OpenIdProvider#accessToken}, then
 * the subject's linked account, read afresh (a disabled account is refused). Two factors when the token's
 * {@code amr} or {@code acr} say the provider checked one. Any refusal is {@link org.desist.signin.SignIn}'s one 401.
 */
final class ProviderAccessTokens implements ProviderTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderAccessTokens.class);

    private final OpenIdProvider provider;
    private final IdentityProviderSettings settings;
    private final LinkedAccounts links;
    private final Jdbi jdbi;

    ProviderAccessTokens(OpenIdProvider provider, IdentityProviderSettings settings, LinkedAccounts links, Jdbi jdbi) {
        this.provider = provider;
        this.settings = settings;
        this.links = links;
        this.jdbi = jdbi;
    }

    @Override
    public Optional<TokenAuthenticator.Bearer> authenticate(String token) {
        JWTClaimsSet claims;
        try {
            claims = provider.accessToken(token);
        } catch (ProviderRefusal refusal) {
            LOG.info("The identity provider's access token refused: {}", LogSafe.text(refusal.getMessage()));
            return Optional.empty();
        }
        Object subject = claims.getClaim(settings.getUsernameClaim());
        if (!(subject instanceof String named)) {
            LOG.info("The identity provider's access token refused: no claim {}", settings.getUsernameClaim());
            return Optional.empty();
        }
        Optional<String> username = links.of(named);
        if (username.isEmpty()) {
            LOG.info(
                    "The identity provider's access token refused: no account is linked to subject '{}'",
                    LogSafe.text(named));
            return Optional.empty();
        }
        return jdbi.withExtension(Credentials.class, accounts -> accounts.account(username.get())
                .filter(account -> !account.disabled())
                .map(account -> new TokenAuthenticator.Bearer(
                        accounts.user(account.username()), null, Assurance.of(secondFactor(claims)))));
    }

    private boolean secondFactor(JWTClaimsSet claims) {
        Object amr = claims.getClaim("amr");
        List<String> methods = amr instanceof List<?> values
                ? values.stream().map(String::valueOf).toList()
                : amr instanceof String one ? List.of(one) : List.of();
        Object acr = claims.getClaim("acr");
        return settings.secondFactor(methods, acr instanceof String value ? value : null);
    }
}
