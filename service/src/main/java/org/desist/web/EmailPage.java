package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.user.EmailChange;
import org.desist.user.OwnAccount;

/** One's own email address for alerts (GET/PUT /api/me/email as a page). */
@Hidden
@Path(EmailPage.PATH)
@Produces(MediaType.TEXT_HTML)
public class EmailPage {
    static final String PATH = "/account/email";

    private final OwnAccount own;

    EmailPage(OwnAccount own) {
        this.own = own;
    }

    @GET
    @Requires(Action.OWN_EMAIL)
    public Page form(
            @Context ContainerRequestContext request, @Context Caller caller, @QueryParam("saved") String saved) {
        return new EmailForm(Screens.viewer(request), own.email(caller).email(), saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.OWN_EMAIL)
    public Response change(
            MultivaluedMap<String, String> form, @Context ContainerRequestContext request, @Context Caller caller) {
        return Forms.submit(
                () -> {
                    own.changeEmail(caller, new EmailChange(form.getFirst("email")));
                    return Response.seeOther(URI.create(PATH + "?saved")).build();
                },
                problem -> new EmailForm(
                                Screens.viewer(request), own.email(caller).email(), false)
                        .refused(form, problem));
    }

    /** The form with the address now held. */
    public static final class EmailForm extends Page {
        private final String current;
        private final boolean saved;

        EmailForm(Viewer viewer, String current, boolean saved) {
            super("email.ftlh", viewer, "Your email address for alerts");
            this.current = current;
            this.saved = saved;
        }

        public String getCurrent() {
            return current;
        }

        public boolean isSaved() {
            return saved;
        }
    }
}
