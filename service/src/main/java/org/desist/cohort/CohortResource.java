package org.desist.cohort;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.auth.Caller;
import org.desist.http.DateRange;
import org.desist.http.Page;
import org.desist.http.Paging;

@Path("/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites and cohorts")
public class CohortResource {
    private final CohortService cohorts;

    public CohortResource(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    @POST
    @Requires(Action.COHORT_OPEN)
    @Operation(operationId = "openCohort", summary = "Open a cohort at a site")
    public Response open(@NotNull @Valid NewCohort request, @Context UriInfo uri, @Context Caller caller) {
        Cohort cohort = cohorts.open(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(cohort.id()).build())
                .entity(cohort)
                .build();
    }

    @GET
    @Requires(Action.COHORT_READ)
    @Operation(
            operationId = "listCohorts",
            summary = "List cohorts, latest start first",
            description = "`from`/`to` filter on startsOn.")
    public Page<Cohort> list(
            @QueryParam("siteCode") String siteCode,
            @BeanParam DateRange dates,
            @Valid @BeanParam Paging paging,
            @Context UriInfo uri,
            @Context Caller caller) {
        return Page.of(cohorts.list(caller, siteCode, dates.ordered().period(), paging.request()), paging, uri);
    }

    @GET
    @Path("/{id}")
    @Requires(Action.COHORT_READ)
    @Operation(operationId = "getCohort", summary = "One cohort, with its enrolled count next to its target")
    public Cohort get(@PathParam("id") String id, @Context Caller caller) {
        return cohorts.get(caller, id);
    }
}
