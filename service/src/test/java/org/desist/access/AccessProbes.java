package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.desist.auth.Role;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;

/**
 * What the access tests share: a probe of one endpoint (how to make a valid call on behalf of a user,
 * and how to tell a refused call changed nothing) and the checks of what an answer must be.
 */
final class AccessProbes {
    static final Map<String, ApiEndpoints.Endpoint> CODE = ApiEndpoints.all();
    static final String IF_MATCH_FIRST_VERSION = "\"1\"";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private AccessProbes() {}

    /**
     * A concrete call: its address under /api, body, headers, a check that a refused call changed nothing, and
     * what to undo after an allowed call that changes something later calls rely on (a password).
     */
    record Request(String path, Object body, Map<String, String> headers, Runnable unchanged, Runnable undo) {
        static Request to(String path) {
            return new Request(path, null, Map.of(), () -> {}, () -> {});
        }

        static Request to(String path, Object body) {
            return new Request(path, body, Map.of(), () -> {}, () -> {});
        }

        Request whenRefused(Runnable check) {
            return new Request(path, body, headers, check, undo);
        }

        Request header(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(path, body, Map.copyOf(more), unchanged, undo);
        }

        Request undoneBy(Runnable action) {
            return new Request(path, body, headers, unchanged, action);
        }
    }

    /** An endpoint as the matrix names it, its success status, and how to make a valid call on behalf of a user. */
    record Probe(String endpoint, int success, Function<String, Request> prepare) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }

        Action action() {
            return CODE.get(endpoint).action().orElseThrow();
        }

        Reply send(Api api, Request request) {
            return api.send(method(), request.path(), request.body(), request.headers());
        }

        @Override
        public String toString() {
            return endpoint;
        }
    }

    static Probe read(String endpoint, Supplier<String> path) {
        return new Probe(endpoint, 200, username -> Request.to(path.get()));
    }

    static Probe write(String endpoint, int success, Function<String, Request> prepare) {
        return new Probe(endpoint, success, prepare);
    }

    static int serial() {
        return SERIAL.incrementAndGet();
    }

    static void assertProblem(Reply reply, int status, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(status);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(status);
    }

    static void assertUnauthorized(Reply reply, String what) {
        assertProblem(reply, 401, what);
        List<String> challenges = reply.headers().allValues("WWW-Authenticate");
        assertThat(String.join(", ", challenges))
                .as(what)
                .contains("Basic realm=\"desist\"")
                .contains("Bearer");
    }

    /** Exactly one audit row carries the reply's request id, and it records this outcome. */
    static void assertAuditedOnce(Api admin, Role role, Reply reply, String action, int status, String resourceType) {
        String requestId = reply.header("X-Request-Id");
        assertThat(requestId).isNotBlank();
        JsonNode rows = Cases.ok(admin.get("/audit?username=" + role.name() + "&limit=100"))
                .get("items");
        List<JsonNode> ofRequest = new ArrayList<>();
        rows.forEach(row -> {
            if (requestId.equals(row.get("requestId").asText())) {
                ofRequest.add(row);
            }
        });
        assertThat(ofRequest)
                .as("audit rows of request %s", requestId)
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("action").asText()).isEqualTo(action);
                    assertThat(row.get("status").asInt()).isEqualTo(status);
                    assertThat(row.get("resourceType").asText()).isEqualTo(resourceType);
                    assertThat(row.get("role").asText()).isEqualTo(role.name());
                });
    }
}
