package org.desist.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for the API, as a REST user would call it. Every answer is checked against the
 * description the service serves ({@link ServedDescription}).
 */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Api(String base) {
        this.base = base;
    }

    /** A copy of this client that sends one more header with every request. */
    public Api with(String name, String value) {
        Api copy = new Api(base);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    public Api withBasic(String username, String password) {
        String pair = username + ":" + password;
        return with(
                "Authorization",
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * A copy of this client that says why it changes a record, as the amending operations take it: in the
     * Change-Reason header, UTF-8 percent-encoded (never {@code ?reason=} in the address).
     */
    public Api because(String reason) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : reason.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return with("Change-Reason", encoded.toString());
    }

    public Api withBearer(String token) {
        return with("Authorization", "Bearer " + token);
    }

    public String base() {
        return base;
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Reply patch(String path, Object body, String ifMatch) {
        return send("PATCH", path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends {@code body} as is when it is a String (so tests can send broken JSON), else as JSON. */
    public Reply send(String method, String path, Object body, Map<String, String> extraHeaders) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            String target = path.startsWith("http") ? path : base + path;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(Duration.ofSeconds(60))
                    .method(
                            method,
                            text == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            extraHeaders.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ServedDescription.check(
                    method,
                    target,
                    response.statusCode(),
                    response.headers(),
                    response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download as the bytes it is (a PDF), with the answer's status and headers. */
    public HttpResponse<byte[]> download(String path) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(request::header);
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            ServedDescription.check("GET", base + path, response.statusCode(), response.headers(), response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + text, e);
        }
    }
}
