package org.desist.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.desist.access.Action;
import org.desist.access.Requires;

/** The first page after signing in: what the viewer's role may do here, each a link. */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @GET
    @Requires(Action.HOME)
    public Page home(@Context ContainerRequestContext request) {
        return new Page("home.ftlh", Screens.viewer(request), "Desist");
    }
}
