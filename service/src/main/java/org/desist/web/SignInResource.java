package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.http.ClientAddresses;
import org.desist.http.FieldError;
import org.desist.http.Problem;
import org.desist.http.Problems;
import org.desist.http.RequestIds;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.SignIn;

/**
 * Signing in and out of the screens. The password is checked exactly as the API checks HTTP Basic (the same
 * throttle, logs and audit rows); success starts a new session (a new id: any session the browser held before
 * is ended, so an id planted before sign-in is worth nothing) and goes back to the page that asked, through the
 * second step where the account needs a second factor: the code ({@link SignInCodePage}), or enrolling one.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {
    static final String SIGN_IN = "/sign-in";
    static final String SIGN_OUT = "/sign-out";
    /** The second step: a current code of the account's authenticator, or a recovery code. */
    public static final String CODE = "/sign-in/code";
    /** Setting up (or changing) one's authenticator app. */
    public static final String ENROLMENT = "/account/second-factor";

    private final SignIn passwords;
    private final BrowserSessions sessions;
    private final SessionCookie cookie;
    private final SecondFactors secondFactors;
    /** The identity provider's button, or null when none is configured. */
    private volatile String providerButton;

    SignInResource(SignIn passwords, BrowserSessions sessions, SessionCookie cookie, SecondFactors secondFactors) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.cookie = cookie;
        this.secondFactors = secondFactors;
    }

    void offerIdentityProvider(String buttonText) {
        this.providerButton = buttonText;
    }

    @GET
    @Path("sign-in")
    @Requires(Action.SIGN_IN)
    public Page form(@QueryParam("next") String next, @QueryParam("signedOut") String signedOut) {
        MultivaluedMap<String, String> values = new MultivaluedHashMap<>();
        values.putSingle("next", returnTo(next));
        return new SignInPage(signedOut != null, providerButton).withValues(values);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SIGN_IN)
    public Response signIn(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("next") String next,
            @Context ContainerRequestContext request) {
        MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
        sent.putSingle("username", username == null ? "" : username);
        sent.putSingle("next", returnTo(next));
        List<FieldError> missing = new ArrayList<>();
        if (username == null || username.isBlank()) {
            missing.add(new FieldError("username", "Enter your username"));
        }
        if (password == null || password.isEmpty()) {
            missing.add(new FieldError("password", "Enter your password"));
        }
        if (!missing.isEmpty()) {
            return refused(422, sent, "Enter your username and password", missing, null);
        }
        try {
            passwords.password(username.strip(), password, ClientAddresses.of(request), RequestIds.of(request));
        } catch (WebApplicationException refusal) {
            String retryAfter = refusal.getResponse().getHeaderString("Retry-After");
            if (refusal.getResponse().getStatus() == 429) {
                return refused(
                        429,
                        sent,
                        "Too many failed sign-ins from your address. Try again in " + minutes(retryAfter) + ".",
                        List.of(),
                        retryAfter);
            }
            return refused(
                    401,
                    sent,
                    "The username or password is not right",
                    List.of(new FieldError("password", "The username or password is not right")),
                    null);
        }
        sessions.end(cookie.read(request));
        String session = sessions.start(username.strip(), false, ClientAddresses.of(request))
                .orElseThrow(() -> new WebApplicationException(401)); // disabled in the meantime
        return Response.seeOther(URI.create(afterPassword(username.strip(), returnTo(next))))
                .cookie(cookie.issue(request, session))
                .build();
    }

    /** The page asked for, or first the second step the account owes (which then goes on to it). */
    private String afterPassword(String username, String next) {
        if (!secondFactors.needed(username)) {
            return next;
        }
        String step = secondFactors.enrolled(username) ? CODE : ENROLMENT;
        return step + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    @POST
    @Path("sign-out")
    @Requires(Action.HOME)
    public Response signOut(@Context ContainerRequestContext request) {
        sessions.end(cookie.read(request));
        // no-store keeps pages out of the HTTP cache, but Chromium may still hold them for the back button
        // (its back/forward cache): Clear-Site-Data empties both, so going back after signing out shows nothing
        return Response.seeOther(URI.create(SIGN_IN + "?signedOut"))
                .cookie(cookie.clear(request))
                .header("Clear-Site-Data", "\"cache\"")
                .build();
    }

    private Response refused(
            int status,
            MultivaluedMap<String, String> sent,
            String detail,
            List<FieldError> errors,
            String retryAfter) {
        Problem problem = new Problem("about:blank", Problems.title(status), status, detail, errors, null);
        Response.ResponseBuilder answer =
                Response.status(status).entity(new SignInPage(false, providerButton).refused(sent, problem));
        return retryAfter == null
                ? answer.build()
                : answer.header("Retry-After", retryAfter).build();
    }

    static String minutes(String retryAfter) {
        try {
            long minutes = Math.max(1, (Long.parseLong(retryAfter) + 59) / 60);
            return minutes == 1 ? "a minute" : minutes + " minutes";
        } catch (NumberFormatException e) {
            return "a while";
        }
    }

    /** A page of this service to return to: a path of its own, never another site ("//x", "/\x", "https:"). */
    public static String returnTo(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.startsWith("/\\")
                || next.chars().anyMatch(Character::isISOControl)
                || next.startsWith(SIGN_IN)) {
            return "/";
        }
        return next;
    }

    /** The sign-in form. */
    public static final class SignInPage extends Page {
        private final boolean signedOut;
        private final String providerButton;

        SignInPage(boolean signedOut, String providerButton) {
            super("sign-in.ftlh", Viewer.ANONYMOUS, "Sign in");
            this.signedOut = signedOut;
            this.providerButton = providerButton;
        }

        public boolean isSignedOut() {
            return signedOut;
        }

        /** The text of the button that signs in through the organisation's identity provider; null without one. */
        public String getProviderButton() {
            return providerButton;
        }
    }
}
