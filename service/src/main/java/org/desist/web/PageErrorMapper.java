package org.desist.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.desist.http.Problem;
import org.desist.http.ProblemException;
import org.desist.http.Problems;
import org.desist.http.RefusalMapper;
import org.desist.http.ServerErrorMapper;
import org.desist.refusal.Refusal;

/**
 * Every failure on the screens as a page, never a stack trace: no session sends the browser to sign in; the
 * domain's refusals and the access check's 403 are the API's status and words, in the layout; anything
 * unexpected is what the API answers ({@link ServerErrorMapper}: 409 for a race, 503 with Retry-After for a
 * database out of reach, else 500), logged under an incident id that the page shows.
 */
final class PageErrorMapper implements ExceptionMapper<Throwable> {

    @Inject
    private Provider<ContainerRequestContext> requests;

    private final SessionCookie cookie;
    /** The API's answer to the unexpected: a race caught by a unique key is 409, a database out of reach 503. */
    private final ServerErrorMapper serverErrors = new ServerErrorMapper();

    PageErrorMapper(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof Redirect redirect) {
            return Screens.seeOther(redirect.to());
        }
        if (failure instanceof SignInRequired required) {
            return signIn(required.returnTo());
        }
        Response asTheApiWould = known(failure).orElseGet(() -> serverErrors.toResponse(failure));
        Problem problem = (Problem) asTheApiWould.getEntity();
        if (problem.status() == 401) {
            return signIn("/");
        }
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new ErrorPage(Screens.viewer(requests.get()), problem));
        String retryAfter = asTheApiWould.getHeaderString("Retry-After");
        if (retryAfter == null && failure instanceof WebApplicationException web) {
            retryAfter = web.getResponse().getHeaderString("Retry-After");
        }
        return retryAfter == null
                ? answer.build()
                : answer.header("Retry-After", retryAfter).build();
    }

    private Response signIn(String returnTo) {
        return Response.seeOther(java.net.URI.create(
                        SignInResource.SIGN_IN + "?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)))
                .cookie(cookie.clear(requests.get()))
                .build();
    }

    /** A refusal, or an HTTP failure of the client's making, as the API words it; else empty. */
    private static java.util.Optional<Response> known(Throwable failure) {
        Problem problem = null;
        if (failure instanceof Refusal refusal) {
            return java.util.Optional.of(new RefusalMapper().toResponse(refusal)); // with a throttle's Retry-After
        }
        if (failure instanceof ProblemException refused) {
            problem = refused.toProblem();
        } else if (failure instanceof FormBinding.FormRejected rejected) {
            problem = rejected.problem();
        } else if (failure instanceof WebApplicationException web
                && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            problem = new Problem("about:blank", Problems.title(status), status, words(status), List.of(), null);
        }
        return java.util.Optional.ofNullable(problem).map(Problems::response);
    }

    private static String words(int status) {
        return switch (status) {
            case 403 -> "Your role may not see or do this.";
            case 404 -> "There is no such page. Check the address, or go back to your cases.";
            case 405 -> "This page cannot be used that way.";
            case 415 -> "The form was sent in a way this page does not read.";
            default -> Problems.title(status);
        };
    }

    /** The page every failure is shown on. */
    public static final class ErrorPage extends Page {
        private final Problem problem;

        ErrorPage(Viewer viewer, Problem problem) {
            super("error.ftlh", viewer, problem.title());
            this.problem = problem;
        }

        public Problem getFailure() {
            return problem;
        }
    }
}
