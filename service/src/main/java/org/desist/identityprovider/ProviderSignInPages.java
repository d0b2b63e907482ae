package org.desist.identityprovider;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.http.ClientAddresses;
import org.desist.http.RequestIds;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The sign-in page's other way in: {@code /sign-in/provider} sends the browser to the organisation's identity
 * provider, {@code /sign-in/provider/callback} takes it back and starts a session ({@link ProviderSignIn} does the
 * checking). A short-lived cookie binds the callback to the browser that began (SameSite=Lax: the provider's
 * redirect is a cross-site navigation, on which a Strict cookie is not sent). For the same reason the callback
 * answers a page that moves on by itself, not a redirect: the session's own cookie is SameSite=Strict, and a
 * browser sends it only on a navigation this service's page starts.
 */
@Hidden
@Path("/sign-in/provider")
@Produces(MediaType.TEXT_HTML)
public class ProviderSignInPages {
    static final String PATH = "/sign-in/provider";
    static final String CALLBACK = PATH + "/callback";
    private static final String BROWSER_COOKIE = "desist-provider-sign-in";

    private final ProviderSignIn signIn;
    private final Screens screens;
    private final IdentityProviderSettings settings;

    ProviderSignInPages(ProviderSignIn signIn, Screens screens, IdentityProviderSettings settings) {
        this.signIn = signIn;
        this.screens = screens;
        this.settings = settings;
    }

    @GET
    @Requires(Action.SIGN_IN)
    public Response start(
            @QueryParam("next") String next, @Context UriInfo uri, @Context ContainerRequestContext request) {
        try {
            ProviderSignIn.Started started = signIn.start(
                    callback(uri), Screens.returnTo(next), ClientAddresses.of(request), RequestIds.of(request));
            return Response.seeOther(started.redirect())
                    .cookie(browserCookie(request, started.browserSecret(), (int) ProviderSignIn.LIFETIME.toSeconds()))
                    .build();
        } catch (ProviderRefusal refusal) {
            return refusedPage(refusal, request);
        }
    }

    @GET
    @Path("callback")
    @Requires(Action.SIGN_IN)
    public Response callback(@Context UriInfo uri, @Context ContainerRequestContext request) {
        Cookie browser = request.getCookies().get(BROWSER_COOKIE);
        String address = ClientAddresses.of(request);
        String requestId = RequestIds.of(request);
        try {
            ProviderSignIn.Finished finished = signIn.finish(
                    callback(uri),
                    uri.getQueryParameters(),
                    browser == null ? null : browser.getValue(),
                    address,
                    requestId);
            Optional<NewCookie> session = screens.startSession(request, finished.username(), finished.twoFactors());
            if (session.isEmpty()) {
                throw signIn.disabled(finished.username(), address, requestId);
            }
            return Response.ok(new SignedInPage(Screens.viewer(request), finished.returnTo()))
                    .header("Refresh", "0; url=" + finished.returnTo())
                    .cookie(session.get(), browserCookie(request, "", 0))
                    .build();
        } catch (ProviderRefusal refusal) {
            return refusedPage(refusal, request);
        }
    }

    /** The redirect URI: the configured one, or this service's callback as the browser reached it. */
    private URI callback(UriInfo uri) {
        return settings.getCallbackUrl().isEmpty()
                ? uri.getBaseUriBuilder()
                        .replacePath(CALLBACK)
                        .replaceQuery(null)
                        .build()
                : URI.create(settings.getCallbackUrl());
    }

    private NewCookie browserCookie(ContainerRequestContext request, String value, int maxAge) {
        return new NewCookie.Builder(BROWSER_COOKIE)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(screens.secure(request))
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    private Response refusedPage(ProviderRefusal refusal, ContainerRequestContext request) {
        int status =
                switch (refusal.reason()) {
                    case PROVIDER_UNREACHABLE -> 502;
                    case UNKNOWN_STATE -> 400;
                    case UNLINKED, DISABLED -> 403;
                    default -> 401;
                };
        return Response.status(status)
                .entity(new RefusedPage(Screens.viewer(request), refusal))
                .cookie(browserCookie(request, "", 0))
                .build();
    }

    /** Signed in: on to the page asked for (at once, by the Refresh header; the link is for when it does not). */
    public static final class SignedInPage extends Page {
        private final String next;

        SignedInPage(org.desist.web.Viewer viewer, String next) {
            super("identity-provider/signed-in.ftlh", viewer, "You have signed in");
            this.next = next;
        }

        public String getNext() {
            return next;
        }
    }

    /** Not signed in: why, in words for the person, and what to do next. */
    public static final class RefusedPage extends Page {
        private final ProviderRefusal refusal;

        RefusedPage(org.desist.web.Viewer viewer, ProviderRefusal refusal) {
            super("identity-provider/refused.ftlh", viewer, "You have not been signed in");
            this.refusal = refusal;
        }

        /** One of the refusal reasons, for the template to choose its words. */
        public String getReason() {
            return refusal.reason().name();
        }

        /** For an unlinked person: the identifier their administrator links to their account. */
        public String getSubject() {
            return refusal instanceof ProviderSignIn.Unlinked unlinked ? unlinked.subject() : null;
        }
    }
}
