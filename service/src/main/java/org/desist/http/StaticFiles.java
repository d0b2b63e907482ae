package org.desist.http;

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
import java.util.Properties;
import java.util.Set;

/**
 * Files served from the jar beside Jersey (the API page's, the screens' styles and scripts): their security
 * headers, which Jersey's filters do not see, and of a webjar only the files the pages use (its demo pages,
 * fonts and brand images are not served).
 */
public final class StaticFiles implements Filter {
    private final String contentSecurityPolicy;
    private final String webjarPath;
    private final Set<String> served;

    /** {@code served}: the webjar's files under {@code webjarPath} that may be fetched, each starting with "/". */
    public StaticFiles(String contentSecurityPolicy, String webjarPath, Set<String> served) {
        this.contentSecurityPolicy = contentSecurityPolicy;
        this.webjarPath = webjarPath;
        this.served = Set.copyOf(served);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        answer.setHeader("Content-Security-Policy", contentSecurityPolicy);
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("X-Frame-Options", "DENY");
        answer.setHeader("Referrer-Policy", "no-referrer");
        answer.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (path.startsWith(webjarPath + "/") && !served.contains(path.substring(webjarPath.length()))) {
            answer.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A webjar's version, from its own Maven metadata, so a version bump in the pom is all it takes. */
    public static String webjarVersion(String groupId, String artifactId) {
        String metadata = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = StaticFiles.class.getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("The " + artifactId + " webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
