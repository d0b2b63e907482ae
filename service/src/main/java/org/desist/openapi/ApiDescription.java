package org.desist.openapi;

import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Set;

/** The OpenAPI 3 description, generated from the resources and served at /api/openapi.json. */
public final class ApiDescription {
    private ApiDescription() {
    }

    public static OpenApiResource resource() {
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("Desist")
                        .version("1")
                        .description("Tracks perpetrators of stalking through a multi-agency intervention programme."
                                + " Errors are RFC 9457 problem details (application/problem+json)."))
                .servers(List.of(new Server().url("/api")));
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(api)
                .prettyPrint(true)
                .sortOutput(true)
                .resourcePackages(Set.of("org.desist"));
        OpenApiResource resource = new OpenApiResource();
        resource.setOpenApiConfiguration(configuration);
        return resource;
    }
}
