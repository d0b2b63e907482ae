package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.http.ClientAddresses;
import org.desist.refusal.Refusal;

/** The page behind the set-up link: the first administrator's username and password, then signed in. */
@Hidden
@Path("/setup/{token}")
@Produces(MediaType.TEXT_HTML)
public class SetupResource {
    private final SetupLink link;
    private final BrowserSessions sessions;
    private final SessionCookie cookie;

    SetupResource(SetupLink link, BrowserSessions sessions, SessionCookie cookie) {
        this.link = link;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @GET
    @Requires(Action.SIGN_IN)
    public Page form(@PathParam("token") String token) {
        if (!link.usable(token)) {
            throw new Refusal.NotFound("set-up link", "given");
        }
        return new Page("setup.ftlh", Viewer.ANONYMOUS, "Create the first administrator");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.SIGN_IN)
    public Response create(
            @PathParam("token") String token,
            MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request) {
        String username = form.getFirst("username") == null
                ? ""
                : form.getFirst("username").strip();
        MultivaluedMap<String, String> sent = new MultivaluedHashMap<>();
        sent.putSingle("username", username);
        return Forms.submit(
                () -> {
                    String password = form.getFirst("password");
                    if (password == null || !password.equals(form.getFirst("confirmPassword"))) {
                        throw new Refusal.Invalid("confirmPassword", "Enter the same password twice");
                    }
                    link.createFirstAdministrator(token, username, password, ClientAddresses.of(request));
                    String session = sessions.start(username, false, ClientAddresses.of(request))
                            .orElseThrow();
                    return Response.seeOther(URI.create("/"))
                            .cookie(cookie.issue(request, session))
                            .build();
                },
                problem -> new Page("setup.ftlh", Viewer.ANONYMOUS, "Create the first administrator")
                        .refused(sent, problem));
    }
}
