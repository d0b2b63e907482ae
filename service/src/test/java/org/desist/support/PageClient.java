package org.desist.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The screens over plain HTTP, for what a browser would not let a test do (a form without its token, from
 * another origin, with an old cookie) and for quick checks of a page's HTML. Keeps the session cookie; never
 * follows redirects, so each answer is seen as sent.
 */
public final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String cookie;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public String cookie() {
        return cookie;
    }

    public PageClient withCookie(String cookie) {
        this.cookie = cookie;
        return this;
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(request);
    }

    /** A download (a PDF) as bytes, with the session cookie. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form as a browser on this service's pages sends it: its Origin, the session cookie, the fields given. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, base);
    }

    /** A form with the Origin given (null for none). */
    public HttpResponse<String> post(String path, Map<String, String> fields, String origin) {
        String body = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    /** Signs in with the form; the session cookie is kept. */
    public PageClient signIn(String username, String password) {
        HttpResponse<String> answer = post("/sign-in", Map.of("username", username, "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in answered " + answer.statusCode() + ": " + answer.body());
        }
        return this;
    }

    /** The CSRF token of the forms on the page at that path. */
    public String csrf(String path) {
        HttpResponse<String> page = get(path);
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no form token on " + path + " (" + page.statusCode() + ")");
        }
        return matcher.group(1);
    }

    /** The fields with the token of the page at {@code formPath} added. */
    public Map<String, String> withToken(String formPath, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf(formPath));
        return all;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sessionCookie(response).ifPresent(set -> cookie = set.isEmpty() ? null : set);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session cookie the answer sets, as name=value ("" when it clears it). */
    static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(set -> set.contains("desist-session="))
                .findFirst()
                .map(set -> {
                    String pair = set.split(";", 2)[0];
                    return pair.endsWith("=")
                                    || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")
                            ? ""
                            : pair;
                });
    }
}
