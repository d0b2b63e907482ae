package org.desist.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import java.util.List;
import java.util.function.Supplier;
import org.desist.auth.Caller;
import org.desist.auth.CaseAccess;
import org.desist.auth.User;
import org.desist.http.ClientAddresses;
import org.desist.http.FieldError;
import org.desist.http.ProblemException;
import org.desist.http.RequestIds;
import org.eclipse.jetty.ee10.servlet.ServletApiRequest;
import org.eclipse.jetty.server.Request;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.util.collection.Ref;
import org.glassfish.jersey.process.internal.RequestScoped;

/**
 * Right after authentication: turns the principal, the request id, X-Purpose and the client's address
 * ({@link ClientAddresses}) into the request's {@link Caller}, which resources receive with {@code @Context Caller}.
 */
@Priority(Priorities.AUTHENTICATION + 1)
public class CallerFilter implements ContainerRequestFilter {
    @Inject
    private Provider<Ref<HttpServletRequest>> servletRequest;

    public static final String PURPOSE_HEADER = "X-Purpose";
    static final int MAX_PURPOSE = 200;
    private static final String PROPERTY = "desist.caller";
    /** The request attribute naming the authenticated user in the request log. */
    public static final String LOGGED_USER = "desist.user";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof User user)) {
            return;
        }
        String purpose = request.getHeaderString(PURPOSE_HEADER);
        if (purpose != null) {
            purpose = purpose.strip();
            if (purpose.length() > MAX_PURPOSE || purpose.chars().anyMatch(Character::isISOControl)) {
                throw new ProblemException(
                        400,
                        "Bad Request",
                        PURPOSE_HEADER + " must be at most " + MAX_PURPOSE + " printable characters",
                        List.of(new FieldError(
                                PURPOSE_HEADER, "must be at most " + MAX_PURPOSE + " printable characters")));
            }
            if (purpose.isEmpty()) {
                purpose = null;
            }
        }
        request.setProperty(
                PROPERTY,
                new Caller(
                        user,
                        RequestIds.of(request),
                        purpose,
                        ClientAddresses.of(request),
                        CaseAccess.forMethod(request.getMethod())));
        nameInRequestLog(user);
    }

    /**
     * Names the user for the request log ({@code %reqAttribute{desist.user}} in config.yml): the username only.
     * Not %u: logback-access's Jetty 12 adapter never reports a remote user. The attribute goes on Jetty's
     * innermost request, which the request log reads (the servlet layer keeps attributes of its own).
     */
    private void nameInRequestLog(User user) {
        if (servletRequest.get().get() instanceof ServletApiRequest request) {
            Request.unWrap(request.getRequest()).setAttribute(LOGGED_USER, user.username());
        }
    }

    public static Caller of(ContainerRequestContext request) {
        Object caller = request.getProperty(PROPERTY);
        if (caller == null) {
            throw new IllegalStateException("No authenticated caller on this request");
        }
        return (Caller) caller;
    }

    /** Lets resource methods take {@code @Context Caller caller}. */
    public static class Binder extends AbstractBinder {
        @Override
        protected void configure() {
            bindFactory(CallerSupplier.class).to(Caller.class).in(RequestScoped.class);
        }
    }

    static class CallerSupplier implements Supplier<Caller> {
        private final Provider<ContainerRequestContext> request;

        @Inject
        CallerSupplier(Provider<ContainerRequestContext> request) {
            this.request = request;
        }

        @Override
        public Caller get() {
            return of(request.get());
        }
    }
}
