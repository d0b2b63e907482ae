package org.desist.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every answer a test receives through {@link Api}, checked against the description the same running
 * service serves at /api/openapi.json (read once per service): the status is documented for the operation,
 * the documented headers are there and well formed, the content type is one documented, and a JSON body
 * matches its schema — with no field the schema does not name. A mismatch fails the test that met it, so
 * the description cannot drift from the service unseen.
 */
public final class ServedDescription {
    private static final Map<String, OpenApiInteractionValidator> BY_SERVICE = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServedDescription() {}

    /**
     * Checks one answer to {@code target}, against the description of the service at that host and port.
     * An address the description does not hold (the API page, a probe of a path that
     * does not exist) or a method it does not serve there (answered 405) is not checked here: ApiDescriptionTest
     * proves every served operation is described.
     */
    public static void check(String method, String target, int status, HttpHeaders headers, byte[] body) {
        URI uri = URI.create(target);
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + "/api";
        String path = uri.getRawPath();
        if (path == null
                || !path.startsWith("/api/")
                || java.util.Arrays.stream(Request.Method.values())
                        .noneMatch(known -> known.name().equals(method))) {
            return; // a method no description could name (a probe with PROPFIND) is answered 405, undescribed
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        String contentType = headers.firstValue("Content-Type").orElse(null);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        // HEAD is GET without the body (RFC 9110 §9.3.2): a description names only the GET
        boolean head = method.equals("HEAD");
        boolean json = !head
                && contentType != null
                && contentType.toLowerCase(Locale.ROOT).matches(".*[/+]json.*");
        if (json && body != null && body.length > 0) {
            response.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report =
                validator(base).validateResponse(path, Request.Method.valueOf(head ? "GET" : method), response.build());
        String errors = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> json || !message.getKey().startsWith("validation.response.body"))
                .map(message -> "  [" + message.getKey() + "] " + message.getMessage()
                        + message.getNestedMessages().stream()
                                .map(nested -> "\n      " + nested.getMessage())
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        if (!errors.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " does not match the served"
                    + " description:\n" + errors + "\n  answer: " + status + " " + contentType + " "
                    + (json && body != null ? new String(body, StandardCharsets.UTF_8) : "(not JSON)"));
        }
    }

    private static OpenApiInteractionValidator validator(String base) {
        return BY_SERVICE.computeIfAbsent(base, ServedDescription::load);
    }

    private static OpenApiInteractionValidator load(String base) {
        try {
            HttpResponse<String> description = CLIENT.send(
                    HttpRequest.newBuilder(URI.create(base + "/openapi.json"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (description.statusCode() != 200) {
                throw new AssertionError("No description at " + base + "/openapi.json: " + description.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(description.body())
                    .withLevelResolver(LevelResolver.create()
                            // an address the description does not hold: see check()
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            // a method the path does not serve (OPTIONS, a probe with PUT): answered 405
                            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
