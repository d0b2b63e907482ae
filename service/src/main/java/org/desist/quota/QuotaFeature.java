package org.desist.quota;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Optional;
import org.desist.access.AccessFeature;
import org.desist.access.Action;
import org.desist.access.CallerFilter;
import org.desist.access.Requires;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every request that {@link Metered} says costs something, right after the access check (so only callers
 * who may make it are counted), for the API and the screens alike. Over a quota it is 429 with Retry-After naming
 * the quota, a WARN line (account, address, quota, request id) and a {@code denied} audit row (resource "quota",
 * status 429). A read let through is looked at by {@link UnusualReading}.
 */
public class QuotaFeature implements DynamicFeature {
    private static final Logger LOG = LoggerFactory.getLogger(QuotaFeature.class);
    private static final MediaType PDF = new MediaType("application", "pdf");

    private final RequestQuotas quotas;
    private final UnusualReading unusual;
    private final AuditLog audit;

    public QuotaFeature(RequestQuotas quotas, UnusualReading unusual, AuditLog audit) {
        this.quotas = quotas;
        this.unusual = unusual;
        this.audit = audit;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Optional<Action> action = action(resource);
        if (action.isEmpty()) {
            return;
        }
        Produces produces = Optional.ofNullable(resource.getResourceMethod().getAnnotation(Produces.class))
                .orElse(resource.getResourceClass().getAnnotation(Produces.class));
        boolean canPdf = produces != null
                && Arrays.stream(produces.value()).map(MediaType::valueOf).anyMatch(PDF::isCompatible);
        boolean onlyPdf = canPdf && produces.value().length == 1;
        Optional<Metered> otherwise = Metered.of(
                action.get(), resource.getResourceMethod().isAnnotationPresent(jakarta.ws.rs.GET.class), false);
        if (!canPdf && otherwise.isEmpty()) {
            return;
        }
        context.register(new Count(onlyPdf, canPdf, otherwise), Priorities.AUTHORIZATION + 100);
    }

    /** The action the access check asks for; of a method serving several by a query parameter, the first. */
    private static Optional<Action> action(ResourceInfo resource) {
        Requires[] requires = resource.getResourceMethod().getAnnotationsByType(Requires.class);
        if (requires.length > 0) {
            return Optional.of(requires[0].value());
        }
        return Optional.ofNullable(AccessFeature.actionOf(resource));
    }

    @Priority(Priorities.AUTHORIZATION + 100)
    private final class Count implements ContainerRequestFilter {
        private final boolean onlyPdf;
        private final boolean canPdf;
        private final Optional<Metered> otherwise;

        Count(boolean onlyPdf, boolean canPdf, Optional<Metered> otherwise) {
            this.onlyPdf = onlyPdf;
            this.canPdf = canPdf;
            this.otherwise = otherwise;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getSecurityContext() == null
                    || !(request.getSecurityContext().getUserPrincipal() instanceof org.desist.auth.User)) {
                return; // nobody signed in: the access check has answered already
            }
            Optional<Metered> metered =
                    onlyPdf || canPdf && asksForPdf(request) ? Optional.of(Metered.PDFS) : otherwise;
            if (metered.isEmpty()) {
                return;
            }
            Caller caller = CallerFilter.of(request);
            Optional<RequestQuotas.Exceeded> exceeded =
                    quotas.count(metered.get(), caller.username(), caller.clientAddress());
            if (exceeded.isPresent()) {
                LOG.warn(
                        "Quota {} exceeded per {} by account '{}' from {} (request {}); refused for {} s",
                        metered.get().quota(),
                        exceeded.get().by(),
                        LogSafe.text(caller.username()),
                        LogSafe.text(caller.clientAddress()),
                        caller.requestId(),
                        Math.max(1, exceeded.get().retryAfter().toSeconds()));
                audit.denied(caller, "quota", metered.get().quota(), null, Outcome.THROTTLED);
                throw exceeded.get().refusal();
            }
            if (metered.get() == Metered.READS) {
                unusual.afterRead(caller);
            }
        }

        /** A method that can answer a PDF among other things answers one when Accept names it. */
        private boolean asksForPdf(ContainerRequestContext request) {
            return request.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && PDF.isCompatible(type));
        }
    }
}
