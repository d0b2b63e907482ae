package org.desist.access;

import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.desist.DesistApplication;

/**
 * The endpoints the service exposes, read from the resource classes' JAX-RS annotations: every class
 * with {@code @Path} under org.desist (found on the class path, so a resource nobody listed still
 * counts) and swagger's OpenAPI resource, which the application registers too.
 */
final class ApiEndpoints {
    /** An endpoint as docs/access.md spells it, the method that serves it and the action it requires, if any. */
    record Endpoint(String name, Method method, Optional<Action> action) {}

    private static final Pattern TEMPLATE_WITH_REGEX = Pattern.compile("\\{(\\w+)\\s*:\\s*([^}]*)}");
    private static final Pattern LITERAL_ALTERNATIVES = Pattern.compile("[A-Za-z0-9._-]+(\\|[A-Za-z0-9._-]+)*");

    private ApiEndpoints() {}

    /** Resource classes: every {@code @Path} class of org.desist, and swagger's description resource. */
    static List<Class<?>> resourceClasses() {
        List<Class<?>> classes = new ArrayList<>(desistClasses().stream()
                .filter(type -> type.isAnnotationPresent(Path.class) && !isScreen(type))
                .toList());
        classes.add(OpenApiResource.class);
        return classes;
    }

    /**
     * The screens' page classes (org.desist.web.Screens): {@code @Path} classes hidden from the API description.
     * They are not API endpoints, but each of their methods names the API action whose rights it needs.
     */
    static List<Class<?>> screenClasses() {
        return desistClasses().stream()
                .filter(type -> type.isAnnotationPresent(Path.class) && isScreen(type))
                .toList();
    }

    private static boolean isScreen(Class<?> type) {
        return type.isAnnotationPresent(io.swagger.v3.oas.annotations.Hidden.class);
    }

    /** Every endpoint, keyed by its name ({@code GET /api/participants/{id}}), sorted by name. */
    static Map<String, Endpoint> all() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (Class<?> type : resourceClasses()) {
            for (Method method : resourceMethods(type)) {
                for (String path : paths(type, method)) {
                    for (Endpoint endpoint : endpoints(type, method, httpMethod(method) + " " + path)) {
                        if (endpoints.put(endpoint.name(), endpoint) != null) {
                            throw new IllegalStateException("Two methods serve " + endpoint.name());
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    /** Methods with an HTTP method annotation ({@code @GET}, {@code @POST}, ...), in a stable order. */
    static List<Method> resourceMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> !httpMethod(method).isEmpty())
                .sorted(Comparator.comparing(Method::getName))
                .toList();
    }

    /** Methods with {@code @Path} but no HTTP method: sub-resource locators, which the matrix cannot see into. */
    static List<Method> subResourceLocators(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> method.isAnnotationPresent(Path.class)
                        && httpMethod(method).isEmpty())
                .toList();
    }

    /**
     * One endpoint, or one per value of the query parameter for a method whose {@code @Requires} say
     * {@code when} ({@code GET /api/participants/{id}/summary?audience=cps}), as AccessFeature tells them apart.
     */
    private static List<Endpoint> endpoints(Class<?> type, Method method, String name) {
        Requires[] requires = method.getAnnotationsByType(Requires.class);
        if (Arrays.stream(requires).allMatch(each -> each.when().isEmpty())) {
            return List.of(new Endpoint(name, method, actionOf(type, method)));
        }
        return Arrays.stream(requires)
                .map(each -> new Endpoint(name + "?" + each.when(), method, Optional.of(each.value())))
                .toList();
    }

    /** As AccessFeature decides it: the method's @Requires, or API_DESCRIPTION for swagger's own resource. */
    private static Optional<Action> actionOf(Class<?> type, Method method) {
        Requires requires = method.getAnnotation(Requires.class);
        if (requires != null) {
            return Optional.of(requires.value());
        }
        return type.getName().startsWith("io.swagger.") ? Optional.of(Action.API_DESCRIPTION) : Optional.empty();
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst()
                .orElse("");
    }

    /**
     * "/api" + the class's path + the method's path. A template with a regular expression of literal
     * alternatives ({@code openapi.{type:json|yaml}}) gives one path per alternative.
     */
    private static List<String> paths(Class<?> type, Method method) {
        StringBuilder path = new StringBuilder("/api");
        for (Path part : new Path[] {type.getAnnotation(Path.class), method.getAnnotation(Path.class)}) {
            if (part != null && !part.value().replace("/", "").isEmpty()) {
                path.append('/').append(part.value().replaceAll("^/+|/+$", ""));
            }
        }
        return expand(path.toString());
    }

    private static List<String> expand(String path) {
        Matcher matcher = TEMPLATE_WITH_REGEX.matcher(path);
        if (!matcher.find()) {
            return List.of(path);
        }
        if (!LITERAL_ALTERNATIVES.matcher(matcher.group(2)).matches()) {
            throw new IllegalStateException("Cannot name the endpoints of " + path + ": extend ApiEndpoints.expand");
        }
        String before = path.substring(0, matcher.start());
        String after = path.substring(matcher.end());
        return Arrays.stream(matcher.group(2).split("\\|"))
                .flatMap(alternative -> expand(before + alternative + after).stream())
                .toList();
    }

    /** Every class compiled from service/src/main under org.desist. */
    private static List<Class<?>> desistClasses() {
        try {
            java.nio.file.Path root = java.nio.file.Path.of(DesistApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isDirectory(root)) {
                throw new IllegalStateException("Expected compiled classes in a folder, found " + root);
            }
            try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("org/desist"))) {
                return files.filter(file -> file.toString().endsWith(".class"))
                        .map(file -> root.relativize(file).toString())
                        .map(name -> name.substring(0, name.length() - ".class".length())
                                .replace('/', '.')
                                .replace('\\', '.'))
                        .sorted()
                        .<Class<?>>map(ApiEndpoints::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiEndpoints.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
