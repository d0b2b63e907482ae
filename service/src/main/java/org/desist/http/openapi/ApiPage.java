package org.desist.http.openapi;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.ConfiguredBundle;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;

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
        new AssetsBundle("/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion(), SWAGGER_UI, null, "swagger-ui")
                .run(configuration, environment);
        environment
                .servlets()
                .addFilter("api-docs-headers", new PageHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH, PATH + "/*");
    }

    /** The webjar's version, from its own Maven metadata, so a version bump in the pom is all it takes. */
    static String swaggerUiVersion() {
        try (InputStream in =
                ApiPage.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's own security headers (Jersey's filters do not see servlets), and only the files it uses. */
    static final class PageHeaders implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            answer.setHeader("X-Content-Type-Options", "nosniff");
            answer.setHeader("X-Frame-Options", "DENY");
            answer.setHeader("Referrer-Policy", "no-referrer");
            String path = http.getRequestURI().substring(http.getContextPath().length());
            if (path.startsWith(SWAGGER_UI + "/") && !SWAGGER_UI_FILES.contains(path.substring(SWAGGER_UI.length()))) {
                answer.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
