package org.desist.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Services speak the domain: they refuse with {@code org.desist.refusal} and leave status codes, problem bodies
 * and If-Match to the HTTP layer. Reads the sources under {@code org.desist}, skipping the HTTP layer (its
 * packages; resources, filters, mappers, features; the classes JAX-RS fills or calls), and fails naming every
 * other class that uses JAX-RS, {@code ProblemException}, {@code Versions} or any type of {@code org.desist.http}:
 * paging, date ranges and merge patches reach services as domain values, not as the HTTP layer's types.
 */
class ServicesSeeNoHttpTest {
    private static final Path SOURCES = Path.of("src/main/java");
    // http: the API's; web: the screens' (sessions, forms, the page container)
    private static final Set<String> HTTP_PACKAGES = Set.of("http", "web");
    private static final List<String> HTTP_SUFFIXES =
            List.of("Resource", "Filter", "Mapper", "Feature", "Pages", "Page");
    /** HTTP-layer classes whose names do not say so. */
    private static final Set<String> HTTP_CLASSES = Set.of(
            "org.desist.DesistApplication",
            // hands Jersey the sign-in filter
            "org.desist.signin.Authentication",
            // Dropwizard's 401 answer
            "org.desist.http.ProblemUnauthorizedHandler",
            // the sign-in filters mark a request with it, the access check reads it
            "org.desist.signin.Assurance",
            // answers a case record with its version as ETag, for resources
            "org.desist.caserecord.RecordResponses",
            // reads the Accept header and the flags of the cohort report's resources
            "org.desist.cohortreport.Formats");
    /** The types are named wherever they live, so the check survives a move of the HTTP packages. */
    private static final Pattern FORBIDDEN =
            Pattern.compile("\\bjakarta\\.ws\\.rs\\b|\\borg\\.desist\\.\\w+\\.(ProblemException|Versions)\\b"
                    + "|\\borg\\.desist\\.http\\.[\\w.]*\\w");

    @Test
    void servicesUseNeitherJaxRsNorProblemExceptionNorVersionsNorTheHttpPackage() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("org/desist"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                String className = className(file);
                if (httpLayer(className)) {
                    continue;
                }
                Matcher uses = FORBIDDEN.matcher(Files.readString(file));
                while (uses.find()) {
                    offences.add(className + " uses " + uses.group());
                }
            }
        }
        assertThat(offences).as("services that see HTTP").isEmpty();
    }

    private static String className(Path file) {
        String relative =
                SOURCES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        return relative.substring(0, relative.length() - ".java".length());
    }

    private static boolean httpLayer(String className) {
        String[] parts = className.split("\\.");
        String simpleName = parts[parts.length - 1];
        return parts.length > 3 && HTTP_PACKAGES.contains(parts[2])
                || HTTP_SUFFIXES.stream().anyMatch(simpleName::endsWith)
                || HTTP_CLASSES.contains(className)
                || jaxRsShaped(className);
    }

    /** A provider JAX-RS calls (a filter by another name) or a bean it fills from the request's parameters. */
    private static boolean jaxRsShaped(String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, ServicesSeeNoHttpTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("not compiled: " + className, e);
        }
        boolean provider = Arrays.stream(type.getInterfaces())
                .anyMatch(contract -> contract.getName().startsWith("jakarta.ws.rs."));
        boolean parameterBean = Arrays.stream(type.getDeclaredFields())
                .map(Field::getAnnotations)
                .flatMap(Arrays::stream)
                .anyMatch(annotation -> annotation.annotationType().getName().startsWith("jakarta.ws.rs."));
        return provider || parameterBean;
    }
}
