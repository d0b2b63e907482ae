package org.desist.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.desist.access.Action;
import org.desist.access.Requires;
import org.desist.http.Page;
import org.desist.http.Paging;

@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sites and cohorts")
public class SiteResource {
    private final SiteService sites;

    public SiteResource(SiteService sites) {
        this.sites = sites;
    }

    @POST
    @Requires(Action.SITE_OPEN)
    @Operation(operationId = "openSite", summary = "Open a site", description = "409 when the code is taken.")
    @ApiResponse(responseCode = "409", description = "A site with this code exists")
    public Response open(@NotNull @Valid NewSite request, @Context UriInfo uri) {
        Site site = sites.open(request);
        return Response.created(uri.getAbsolutePathBuilder().path(site.code()).build())
                .entity(site)
                .build();
    }

    @GET
    @Requires(Action.SITE_READ)
    @Operation(
            operationId = "listSites",
            summary = "List sites, by code",
            description = "Sites are not dated: this list takes no `from`/`to`.")
    public Page<Site> list(@Valid @BeanParam Paging paging, @Context UriInfo uri) {
        return Page.of(sites.list(paging.request()), paging, uri);
    }

    @GET
    @Path("/{code}")
    @Requires(Action.SITE_READ)
    @Operation(operationId = "getSite", summary = "One site")
    public Site get(@PathParam("code") String code) {
        return sites.get(code);
    }
}
