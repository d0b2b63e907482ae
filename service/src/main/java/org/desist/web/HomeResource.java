package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;
import org.desist.access.AccessPolicy;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;

/**
 * The first page after signing in: the viewer's caseload first (issue 17), then what the viewer's role may do here,
 * each a link.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {
    private final Function<Caller, List<?>> caseload;

    /** {@code caseload}: the caller's cases as rows for reading (team/, which the screens do not depend on). */
    public HomeResource(Function<Caller, List<?>> caseload) {
        this.caseload = caseload;
    }

    @GET
    @Requires(Action.HOME)
    public Page home(@Context ContainerRequestContext request, @Context Caller caller) {
        List<?> cases = AccessPolicy.allows(caller.user(), Action.CASELOAD_READ) ? caseload.apply(caller) : null;
        return new HomePage(Screens.viewer(request), cases);
    }

    public static final class HomePage extends Page {
        private final List<?> caseload;

        HomePage(Viewer viewer, List<?> caseload) {
            super("home.ftlh", viewer, "Desist");
            this.caseload = caseload;
        }

        /** Null for a role without a caseload. */
        public List<?> getCaseload() {
            return caseload;
        }
    }
}
