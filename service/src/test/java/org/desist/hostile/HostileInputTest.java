package org.desist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.desist.config.DesistConfiguration;
import org.desist.hostile.ApiOperations.Operation;
import org.desist.support.Api;
import org.desist.support.RawHttp;
import org.desist.support.TableDigest;
import org.desist.support.TestApp;

/**
 * Thousands of malformed and boundary requests at every operation the API describes (jqwik, a fixed
 * seed so a failure comes back the same): bodies with fields of the wrong type, missing or extra, hostile
 * strings, numbers and dates, bodies that are not JSON, not UTF-8, nested 10,000 deep or over the size
 * limit; junk ids in the path; bad query parameters; odd headers; methods the path does not serve. Each is
 * a valid request (real ids, a valid body, the current ETag) with one thing made wrong, so it reaches as
 * deep as that one thing lets it.
 *
 * <p>Whatever the request: no answer is a 5xx; every 4xx is problem+json with its status in the body; and
 * a refused request changed nothing — every table but the append-only audit trail has the digest it had
 * before. A request that succeeds may change data, and the digest is taken again after it.
 *
 * <p>Alone: {@code mvn -q -pl service test -Dtest=HostileInputTest}. The counts (requests by status,
 * operations covered, kinds of attack, the slowest operations) are printed at the end, in
 * {@code target/surefire-reports/org.desist.hostile.HostileInputTest-output.txt}; a failure names the
 * request in full (but for its credentials). Change {@link #SEED} to explore further.
 */
@Tag("slow")
class HostileInputTest {
    // about 33 an operation: enough that each of the described operations (more than 120) is reached 15 times or more
    static final int TRIES = 4400;
    static final String SEED = "8202611240";

    static DropwizardAppExtension<DesistConfiguration> app;
    static HostileCase target;
    static ApiOperations operations;
    static Attacks attacks;
    static TableDigest tables;
    /** The tables as they were after the last request that succeeded. */
    static Map<String, String> digest;

    static final Map<Operation, Arbitrary<HostileRequest>> BY_OPERATION = new ConcurrentHashMap<>();
    static final Tally TALLY = new Tally();
    /** The kinds of attack that must each come up at least ten times. */
    static final List<String> KINDS = List.of(
            "wrong JSON type",
            "missing field",
            "extra field",
            "null field",
            "hostile string",
            "number",
            "date",
            "not JSON",
            "deep JSON",
            "huge body",
            "invalid UTF-8",
            "other encoding",
            "random bytes",
            "wrong Content-Type",
            "no Content-Type",
            "no body",
            "junk id",
            "bad query parameter",
            "odd query",
            "If-Match",
            "Accept",
            "X-Purpose",
            "Authorization",
            "Content-Encoding",
            "other method");
    /** Records' current ETags, read once and forgotten whenever a request succeeds. */
    static final Map<String, String> TAGS = new ConcurrentHashMap<>();

    @BeforeContainer
    static void startTheServiceWithACase() throws Exception {
        // with an identity provider configured (never contacted), so its links' API answers as deployed
        app = TestApp.withOfflineIdentityProvider();
        app.before();
        target = new HostileCase(app);
        operations =
                ApiOperations.of(TestApp.anonymous(app).get("/openapi.json").json());
        target.assertEveryBodyIsKnown(operations);
        attacks = new Attacks(target, operations);
        tables = TableDigest.of(app);
        digest = tables.take();
    }

    @AfterContainer
    static void reportAndStop() {
        if (TALLY.sent() > 0) {
            System.out.println(TALLY.report(operations.all().size()));
        }
        if (tables != null) {
            tables.close();
        }
        if (app != null) {
            app.after();
        }
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.OFF)
    void no_hostile_request_is_a_server_error_and_none_refused_changes_anything(
            @ForAll("hostileRequests") HostileRequest request) {
        RawHttp.Answer answer = sendAndCheck(request);
        Statistics.label("status class").collect(answer.status() / 100 + "xx");
        Statistics.label("attack").collect(request.attack());
        Statistics.label("operation").collect(request.operation().name());
        // every operation the API describes is attacked, often enough for several kinds of attack to reach it,
        // and every kind of attack is tried, whatever the seed
        Statistics.label("operation")
                .coverage(coverage -> operations.all().forEach(operation -> coverage.check(operation.name())
                        .count(count -> count >= 15)));
        Statistics.label("attack")
                .coverage(coverage -> KINDS.forEach(kind -> coverage.check(kind).count(count -> count >= 10)));
    }

    /**
     * Each field of every body, once of a JSON type it does not take and once missing: all of them, not a
     * sample. The wrong type is always refused (no 42 taken for "42"); a missing field may be optional.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
    void every_field_of_every_body_of_the_wrong_type_is_refused_and_missing_is_refused_or_harmless(
            @ForAll("everyFieldWrong") HostileRequest request) {
        RawHttp.Answer answer = sendAndCheck(request);
        if (request.attack().equals("wrong JSON type")) {
            assertThat(answer.status()).as("%s answered %s", request, answer).isIn(400, 422);
        }
    }

    @Provide
    Arbitrary<HostileRequest> everyFieldWrong() {
        List<HostileRequest> all = operations.all().stream()
                .flatMap(operation -> attacks.everyFieldWrong(operation).stream())
                .toList();
        return Arbitraries.of(all);
    }

    /** Sends the request and checks the answer: never 5xx; a 4xx is problem+json and changed no table. */
    private static RawHttp.Answer sendAndCheck(HostileRequest request) {
        long started = System.nanoTime();
        RawHttp.Answer answer = send(request);
        int status = answer.status();
        TALLY.count(request, status, System.nanoTime() - started);

        assertThat(status / 100).as("%s answered %s", request, answer).isIn(2, 4);
        if (status >= 400) {
            assertThat(answer.header("Content-Type"))
                    .as("%s answered %s", request, answer)
                    .startsWith("application/problem+json");
            JsonNode problem = Api.parse(answer.body());
            assertThat(problem.path("status").asInt())
                    .as("%s answered %s", request, answer)
                    .isEqualTo(status);
            assertThat(problem.path("title").asText())
                    .as("%s answered %s", request, answer)
                    .isNotBlank();
            Set<String> changed = TableDigest.changed(digest, tables.take());
            assertThat(changed)
                    .as("tables changed by the refused %s (%s)", request, answer)
                    .isEmpty();
        } else {
            TALLY.succeeded(request);
            digest = tables.take();
            TAGS.clear(); // a change may have moved a record to its next version
        }
        return answer;
    }

    /** The record a request at a record, or at a step of one, changes: the address its ETag is read from. */
    private static String record(HostileRequest request) {
        return request.target().replaceFirst("\\?.*", "").replaceFirst("/(entered-in-error|outcome|transitions)$", "");
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        return Arbitraries.of(operations.all())
                .flatMap(operation -> BY_OPERATION.computeIfAbsent(operation, attacks::on));
    }

    private static RawHttp.Answer send(HostileRequest request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        if (HostileRequest.IF_MATCH_CURRENT.equals(headers.get("If-Match"))) {
            headers.put("If-Match", TAGS.computeIfAbsent(record(request), target::currentTag));
        }
        try {
            return RawHttp.exchange(
                    app.getLocalPort(), request.method(), "/api" + request.target(), headers, request.body());
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request, e);
        }
    }

    /** What was sent and how it was answered, for the report at the end. */
    static final class Tally {
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final Map<String, Integer> byOperation = new TreeMap<>();
        private final Map<String, Integer> byAttack = new TreeMap<>();
        private final Map<String, Integer> successes = new TreeMap<>();

        private final Map<String, Long> nanos = new TreeMap<>();

        synchronized void count(HostileRequest request, int status, long took) {
            nanos.merge(request.operation().name(), took, Long::sum);
            byStatus.merge(status, 1, Integer::sum);
            byOperation.merge(request.operation().name(), 1, Integer::sum);
            byAttack.merge(request.attack(), 1, Integer::sum);
        }

        synchronized void succeeded(HostileRequest request) {
            successes.merge(request.attack(), 1, Integer::sum);
        }

        synchronized int sent() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized String report(int operationsDescribed) {
            Map<String, Integer> byClass = new TreeMap<>();
            byStatus.forEach((status, count) -> byClass.merge(status / 100 + "xx", count, Integer::sum));
            StringBuilder report = new StringBuilder("Hostile input: ")
                    .append(sent())
                    .append(" requests; by class ")
                    .append(byClass)
                    .append("; by status ")
                    .append(byStatus)
                    .append("; operations covered ")
                    .append(byOperation.size())
                    .append(" of ")
                    .append(operationsDescribed)
                    .append(" (fewest ")
                    .append(byOperation.values().stream()
                            .mapToInt(Integer::intValue)
                            .min()
                            .orElse(0))
                    .append(" requests)\n  by attack ")
                    .append(byAttack)
                    .append("\n  answered 2xx, by attack (a success may change data; the digest is taken again) ")
                    .append(successes)
                    .append("\n  answering took ")
                    .append(nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000)
                    .append(" ms; the slowest operations (total ms) ");
            nanos.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(6)
                    .forEach(entry -> report.append(entry.getKey())
                            .append('=')
                            .append(entry.getValue() / 1_000_000)
                            .append(' '));
            return report.toString();
        }
    }
}
