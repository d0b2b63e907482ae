package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.SessionInUse;
import org.desist.secondfactor.SecondFactors;
import org.desist.user.AccountSessions;
import org.desist.user.OwnAccount;
import org.desist.user.Reauthentication;

/**
 * My browser sessions and API tokens, as GET /api/me/sessions lists them, each with a button that ends it
 * (DELETE /api/me/sessions/{id}). Ending the session of this very browser signs it out; ending any other asks for
 * the password again, and a code when the account has a second factor (ASVS V7.5.2), as the API does.
 */
@Hidden
@Path(SessionsPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class SessionsPage {
    static final String PATH = "/account/sessions";
    static final int PAGE = 50;

    private final AccountSessions sessions;
    private final SessionCookie cookie;
    private final OwnAccount own;
    private final SecondFactors secondFactors;

    SessionsPage(AccountSessions sessions, SessionCookie cookie, OwnAccount own, SecondFactors secondFactors) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.own = own;
        this.secondFactors = secondFactors;
    }

    @GET
    @Requires(Action.OWN_TOKENS)
    public SessionListPage list(
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("ended") String ended,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        return page(offset, ended != null, caller, request);
    }

    private SessionListPage page(int offset, boolean ended, Caller caller, ContainerRequestContext request) {
        int from = Math.max(offset, 0);
        return new SessionListPage(
                Screens.viewer(request),
                sessions.mine(caller, SessionInUse.of(request), PAGE + 1, from),
                PAGE,
                from,
                ended,
                secondFactors.enrolled(caller.username()));
    }

    @POST
    @Path("/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.OWN_TOKENS)
    public Response end(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context Caller caller,
            @Context ContainerRequestContext request) {
        Optional<String> inUse = SessionInUse.of(request);
        boolean current = inUse.isPresent() && inUse.get().equals(id);
        if (!current) {
            Response refused = Forms.submit(
                    () -> {
                        own.reauthenticate(
                                caller, new Reauthentication(form.getFirst("currentPassword"), form.getFirst("code")));
                        return null;
                    },
                    problem -> page(0, false, caller, request)
                            .refusedFor(id)
                            .refused(new MultivaluedHashMap<>(), problem));
            if (refused != null) {
                return refused;
            }
        }
        sessions.endMine(caller, id); // anyone else's, or one ended already: 404, the page's own error
        if (current) {
            return Response.seeOther(URI.create(SignInResource.SIGN_IN + "?signedOut"))
                    .cookie(cookie.clear(request))
                    .header("Clear-Site-Data", "\"cache\"")
                    .build();
        }
        return Screens.seeOther(PATH + "?ended");
    }
}
