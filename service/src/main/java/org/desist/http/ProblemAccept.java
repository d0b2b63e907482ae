package org.desist.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * A client that accepts {@code application/problem+json} says it can read our errors, not that it refuses
 * everything else: without this, every operation would answer its success with a 406 (no resource produces
 * problem+json), which no operation documents. So such an Accept also takes, at the lowest preference, what
 * the operation produces; anything the client ranked higher still wins.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class ProblemAccept implements ContainerRequestFilter {
    static final String PROBLEM = "application/problem+json";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accept == null
                || accept.stream()
                        .noneMatch(value -> value.toLowerCase(Locale.ROOT).contains(PROBLEM))) {
            return;
        }
        request.getHeaders().add(HttpHeaders.ACCEPT, "*/*;q=0.001");
    }
}
