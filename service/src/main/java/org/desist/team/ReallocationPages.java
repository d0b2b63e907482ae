package org.desist.team;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The bulk reallocation as a form, for the programme lead when someone leaves or moves: the same service as
 * {@code POST /api/sites/{code}/team-reallocations}. Refused, the form again with the problem; done, the page says
 * how many allocations moved (shown at once: the count is the answer of this one step).
 */
@Hidden
@Path("/sites/{code}/team-reallocations")
@Produces(MediaType.TEXT_HTML)
public class ReallocationPages {
    private final CaseTeams teams;
    private final FormBinding forms;

    public ReallocationPages(CaseTeams teams, FormBinding forms) {
        this.teams = teams;
        this.forms = forms;
    }

    @GET
    @Requires(Action.TEAM_REALLOCATE)
    public Page form(@PathParam("code") String code, @Context ContainerRequestContext request, @Context Caller caller) {
        return page(code, request, caller, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.TEAM_REALLOCATE)
    public Response reallocate(
            @PathParam("code") String code,
            MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        return Forms.submit(
                () -> {
                    Reallocated done = teams.reallocate(caller, code, forms.read(form, Reallocation.class));
                    return Response.ok(page(code, request, caller, done))
                            .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                            .build();
                },
                problem -> page(code, request, caller, null).refused(form, problem));
    }

    private Page page(String code, ContainerRequestContext request, Caller caller, Reallocated done) {
        return new ReallocationPage(Screens.viewer(request), teams.choices(caller, code), done);
    }
}
