package org.desist.http.openapi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The resource methods of a set of JAX-RS classes, each with the HTTP method and the path (below the
 * API's root, as the OpenAPI description spells it: {@code /participants/{id}/sessions/{rid}}) it serves.
 */
final class ResourceMethods {
    /** One resource method and the operation it serves. */
    record Endpoint(String httpMethod, String path, Class<?> resource, Method method) {}

    private ResourceMethods() {}

    static List<Endpoint> of(Collection<Class<?>> classes) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes) {
            Path root = type.getAnnotation(Path.class);
            // @Hidden: the screens' pages, which swagger leaves out; a page at /referrals/{id} is not the API's
            if (root == null || type.isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (!httpMethod.isEmpty()) {
                    endpoints.add(new Endpoint(httpMethod, path(root, method.getAnnotation(Path.class)), type, method));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod));
        return endpoints;
    }

    static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst()
                .orElse("");
    }

    /** Class path + method path, one slash between segments, templates without their regular expressions. */
    static String path(Path root, Path sub) {
        String joined = "/" + root.value() + (sub == null ? "" : "/" + sub.value());
        String normalised =
                joined.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return normalised.length() > 1 && normalised.endsWith("/")
                ? normalised.substring(0, normalised.length() - 1)
                : normalised;
    }
}
