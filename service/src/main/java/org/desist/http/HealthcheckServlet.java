package org.desist.http;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * The admin port's /healthcheck, in place of the metrics servlet's: 200 when every check passes, 503 when
 * any fails (what load balancers and orchestrators read as "send no traffic here"), not the 500 that says
 * the health check itself broke. Each check gives its verdict and message only: never the exception or
 * stack trace a failed check carries, which the metrics servlet would print.
 */
public class HealthcheckServlet extends HttpServlet {
    private final transient HealthCheckRegistry checks;
    private final transient ObjectMapper json;

    public HealthcheckServlet(HealthCheckRegistry checks, ObjectMapper json) {
        this.checks = checks;
        this.json = json;
    }

    /** A check's verdict as the answer shows it. */
    record Verdict(boolean healthy, String message, String timestamp) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SortedMap<String, HealthCheck.Result> results = checks.runHealthChecks();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        results.forEach((name, result) ->
                verdicts.put(name, new Verdict(result.isHealthy(), message(result), result.getTimestamp())));
        boolean healthy = results.values().stream().allMatch(HealthCheck.Result::isHealthy);
        response.setStatus(healthy ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(TrailingNewline.ended(json.writeValueAsBytes(verdicts)));
    }

    private static String message(HealthCheck.Result result) {
        if (result.getMessage() != null) {
            return result.getMessage();
        }
        return result.getError() == null
                ? null
                : "failed: " + result.getError().getClass().getSimpleName();
    }
}
