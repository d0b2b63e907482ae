package org.desist.breakglass;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/** The screens' way to break glass: the reference and the reason, then the case page, read-only, with its banner. */
@Hidden
@Path("/break-glass")
@Produces(MediaType.TEXT_HTML)
public class BreakGlassPages {
    private final BreakGlass breakGlass;
    private final FormBinding forms;

    public BreakGlassPages(BreakGlass breakGlass, FormBinding forms) {
        this.breakGlass = breakGlass;
        this.forms = forms;
    }

    @GET
    @Requires(Action.BREAK_GLASS_OPEN)
    public Page form(@Context ContainerRequestContext request) {
        return new Page("breakglass/open.ftlh", Screens.viewer(request), "Open a case at another site");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.BREAK_GLASS_OPEN)
    public Response open(
            MultivaluedMap<String, String> form, @Context Caller caller, @Context ContainerRequestContext request) {
        return Forms.submit(
                () -> {
                    MultivaluedMap<String, String> body = new MultivaluedHashMap<>(form);
                    body.remove("csrf");
                    BreakGlassGrant grant = breakGlass.open(caller, forms.read(body, NewBreakGlass.class));
                    return Screens.seeOther("/cases/" + grant.participantId());
                },
                problem -> form(request).refused(form, problem));
    }
}
