package org.desist.signin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;
import org.desist.http.FieldError;
import org.desist.http.ProblemException;

/**
 * Dropwizard's bearer filter also takes a token from {@code ?access_token=}; addresses end up in
 * proxies' logs and browser histories, so a token there is refused before anything else happens.
 */
@PreMatching
@Priority(2)
public class TokensOnlyInHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            throw new ProblemException(
                    400,
                    "Bad Request",
                    "Send tokens in the Authorization header, never in the address",
                    List.of(new FieldError("access_token", "is not accepted in the address")));
        }
    }
}
