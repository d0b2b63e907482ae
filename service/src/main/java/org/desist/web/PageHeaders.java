package org.desist.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.IOException;
import java.util.Set;

/**
 * The screens' security headers: the API's, with a Content-Security-Policy that lets a page load its own styles,
 * scripts and images and nothing inline, and send forms only to this service. No page is stored by the browser
 * (no-store), so the back button after signing out shows nothing. Referrer-Policy is same-origin, not the API's
 * no-referrer: with no-referrer a browser sends "Origin: null" with a form, and {@link FormTokenFilter} checks it.
 */
final class PageHeaders implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            headers.putSingle("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /**
     * On the static files: the same headers, and only the files the pages use (GOV.UK Frontend's styles and
     * script; not its fonts or crown, which belong to GOV.UK).
     */
    static final class OnAssets implements Filter {
        private static final Set<String> GOVUK_FILES = Set.of("/govuk-frontend.min.css", "/govuk-frontend.min.js");

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            answer.setHeader("X-Content-Type-Options", "nosniff");
            answer.setHeader("X-Frame-Options", "DENY");
            answer.setHeader("Cross-Origin-Resource-Policy", "same-origin");
            String path = http.getRequestURI().substring(http.getContextPath().length());
            if (path.startsWith(Screens.GOVUK_ASSETS + "/")
                    && !GOVUK_FILES.contains(path.substring(Screens.GOVUK_ASSETS.length()))) {
                answer.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
