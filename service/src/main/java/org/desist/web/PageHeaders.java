package org.desist.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The screens' security headers: the API's, with a Content-Security-Policy that lets a page load its own styles,
 * scripts and images and nothing inline, and send forms only to this service. No page is stored by the browser
 * (no-store), so the back button after signing out shows nothing. Referrer-Policy is same-origin, not the API's
 * no-referrer: with no-referrer a browser sends "Origin: null" with a form, and {@link FormTokenFilter} checks it.
 * Every page names its charset (ASVS V4.1.1): the resources' {@code @Produces(TEXT_HTML)} has none, so it is
 * added here, once, for whichever resource or error mapper made the page.
 */
final class PageHeaders implements ContainerResponseFilter {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        MediaType type = response.getMediaType();
        if (type != null
                && type.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !type.getParameters().containsKey("charset")) {
            headers.putSingle("Content-Type", MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
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
}
