package org.desist.signin;

import java.util.Optional;

/**
 * Bearer tokens Desist did not issue: the organisation's identity provider's JWT access tokens
 * ({@link org.desist.identityprovider}), checked when a provider is configured. Empty for any token refused.
 */
public interface ProviderTokens {
    ProviderTokens NONE = token -> Optional.empty();

    Optional<TokenAuthenticator.Bearer> authenticate(String token);
}
