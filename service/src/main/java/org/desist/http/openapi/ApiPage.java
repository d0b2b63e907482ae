package org.desist.http.openapi;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;
import org.desist.http.StaticFiles;

/**
 * The browsable API at /api/docs: our own page and initializer (the description at /api/openapi.json, no
 * validator calls out) with Swagger UI's files from its webjar, all from the jar, so it needs no internet.
 * Static files served by assets servlets beside Jersey: their mappings are more specific than /api/*.
 */
public class ApiPage implements ConfiguredBundle<Configuration> {
    public static final String PATH = "/api/docs";
    static final String SWAGGER_UI = PATH + "/swagger-ui";
    /** What the page loads from the webjar; its own index.html and initializer (a public demo) are not served. */
    static final Set<String> SWAGGER_UI_FILES =
            Set.of("/swagger-ui.css", "/swagger-ui-bundle.js", "/favicon-32x32.png", "/favicon-16x16.png");

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void run(Configuration configuration, Environment environment) {
        new AssetsBundle("/api-docs", PATH, "index.html", "api-docs").run(configuration, environment);
        new AssetsBundle(
                        "/META-INF/resources/webjars/swagger-ui/"
                                + StaticFiles.webjarVersion("org.webjars", "swagger-ui"),
                        SWAGGER_UI,
                        null,
                        "swagger-ui")
                .run(configuration, environment);
        environment
                .servlets()
                .addFilter("api-docs-headers", new StaticFiles(CONTENT_SECURITY_POLICY, SWAGGER_UI, SWAGGER_UI_FILES))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH, PATH + "/*");
    }
}
