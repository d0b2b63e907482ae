package org.desist.http.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Swagger's own resource serves the description and hides itself from it; a client reading the
 * description should still find where it lives, so its two addresses are described here.
 */
final class DescriptionItself {
    static final String TAG = "API description";

    private DescriptionItself() {}

    static Map<String, PathItem> describe() {
        Map<String, PathItem> paths = new LinkedHashMap<>();
        paths.put(
                "/openapi.json",
                item("getApiDescriptionJson", "This description, as JSON", "application/json", new ObjectSchema()));
        paths.put(
                "/openapi.yaml",
                item("getApiDescriptionYaml", "This description, as YAML", "application/yaml", new StringSchema()));
        return paths;
    }

    private static PathItem item(
            String operationId, String summary, String mediaType, io.swagger.v3.oas.models.media.Schema<?> schema) {
        return new PathItem()
                .get(new Operation()
                        .operationId(operationId)
                        .summary(summary)
                        .description(
                                "OpenAPI 3.0, generated from the service's code. Holds no case data, so it needs no"
                                        + " credentials: the API page at /api/docs and REST clients can read it before signing in.")
                        .tags(List.of(TAG))
                        .responses(new ApiResponses()
                                .addApiResponse(
                                        "200",
                                        new ApiResponse()
                                                .description("OK")
                                                .content(new Content()
                                                        .addMediaType(mediaType, new MediaType().schema(schema))))));
    }
}
