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
import java.util.UUID;
import org.desist.http.Problem;
import org.desist.http.ProblemException;
import org.desist.http.Problems;
import org.desist.http.RefusalMapper;
import org.desist.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure on the screens as a page, never a stack trace: no session sends the browser to sign in; the
 * domain's refusals and the access check's 403 are the API's status and words, in the layout; anything
 * unexpected is logged under an incident id that the page shows.
 */
final class PageErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(PageErrorMapper.class);

    @Inject
    private Provider<ContainerRequestContext> requests;

    private final SessionCookie cookie;

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
        Problem problem = problem(failure);
        if (problem.status() == 401) {
            return signIn("/");
        }
        Response.ResponseBuilder answer = Response.status(problem.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(new ErrorPage(Screens.viewer(requests.get()), problem));
        if (failure instanceof WebApplicationException web
                && web.getResponse().getHeaderString("Retry-After") != null) {
            answer.header("Retry-After", web.getResponse().getHeaderString("Retry-After"));
        }
        return answer.build();
    }

    private Response signIn(String returnTo) {
        return Response.seeOther(java.net.URI.create(
                        SignInResource.SIGN_IN + "?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)))
                .cookie(cookie.clear(requests.get()))
                .build();
    }

    private static Problem problem(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return RefusalMapper.problem(refusal);
        }
        if (failure instanceof ProblemException problem) {
            return problem.toProblem();
        }
        if (failure instanceof FormBinding.FormRejected rejected) {
            return rejected.problem();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return new Problem("about:blank", Problems.title(status), status, words(status), List.of(), null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Page failed, incident {}", incident, failure);
        return new Problem(
                "about:blank",
                Problems.title(500),
                500,
                "Something went wrong on our side. Nothing you sent was at fault. If it happens again, give this"
                        + " reference to your administrator: " + incident,
                List.of(),
                incident);
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
