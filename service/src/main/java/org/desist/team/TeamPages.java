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
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.refusal.Refusal;
import org.desist.web.FormBinding;
import org.desist.web.Forms;
import org.desist.web.Page;
import org.desist.web.Screens;

/**
 * The case team's forms (shown in the case page's Team section): allocate as {@code POST
 * /api/participants/{id}/team}, end as {@code POST .../team/{allocationId}/end}. Done, back to the case's Team
 * section; refused, the team page shows the form again with the problem.
 */
@Hidden
@Path("/cases/{id}/team")
@Produces(MediaType.TEXT_HTML)
public class TeamPages {
    private final CaseTeams teams;
    private final FormBinding forms;

    public TeamPages(CaseTeams teams, FormBinding forms) {
        this.teams = teams;
        this.forms = forms;
    }

    @GET
    @Requires(Action.TEAM_READ)
    public Page team(@PathParam("id") String id, @Context ContainerRequestContext request, @Context Caller caller) {
        return new TeamPage(Screens.viewer(request), teams.read(caller, id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.TEAM_ALLOCATE)
    public Response allocate(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        return Forms.submit(
                () -> {
                    teams.allocate(caller, id, forms.read(form, NewAllocation.class));
                    return Screens.seeOther("/cases/" + id + "#team");
                },
                problem -> team(id, request, caller).refused(form, problem));
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Action.TEAM_ALLOCATE)
    public Response end(
            @PathParam("id") String id,
            MultivaluedMap<String, String> form,
            @Context ContainerRequestContext request,
            @Context Caller caller) {
        return Forms.submit(
                () -> {
                    String allocationId = form.getFirst("allocationId");
                    if (allocationId == null || allocationId.isBlank()) {
                        throw new Refusal.Invalid("allocationId", "choose the allocation to end");
                    }
                    MultivaluedMap<String, String> body = new MultivaluedHashMap<>(form);
                    body.remove("allocationId");
                    teams.end(caller, id, allocationId, forms.read(body, AllocationEnd.class));
                    return Screens.seeOther("/cases/" + id + "#team");
                },
                problem -> team(id, request, caller).refused(form, problem));
    }
}
