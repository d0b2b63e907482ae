package org.desist.readme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's curl tour, run as it stands (bash -e) against the packaged jar on a SQLite file and
 * ports of its own, so that the README cannot drift from the API. Runs after packaging (failsafe).
 */
@Tag("slow")
class ReadmeTourIT {
    static final Path REPOSITORY = repository();
    static final Path JAR =
            Path.of(System.getProperty("desist.jar", "target/desist.jar")).toAbsolutePath();
    static Path work;
    static Map<String, String> environment;
    static Process server;

    @BeforeAll
    static void startThePackagedService() throws Exception {
        assertThat(JAR).as("run after packaging: mvn verify").exists();
        assertThat(oathtool())
                .as("the tour computes its second factor's codes with oathtool: apt-get install oathtool (Debian,"
                        + " Ubuntu) or brew install oath-toolkit (macOS)")
                .isTrue();
        work = Files.createTempDirectory("desist-readme-tour");
        int port = freePort();
        int adminPort = freePort();
        environment = Map.of(
                "DESIST_DB_URL", "jdbc:sqlite:" + work.resolve("desist.db"),
                "DESIST_PORT", Integer.toString(port),
                "DESIST_ADMIN_PORT", Integer.toString(adminPort),
                "API", "http://localhost:" + port + "/api",
                "JAR", JAR.toString(),
                "CONFIG", REPOSITORY.resolve("config.yml").toString());
        ProcessBuilder builder = new ProcessBuilder(
                        java(),
                        "-jar",
                        JAR.toString(),
                        "server",
                        REPOSITORY.resolve("config.yml").toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().putAll(environment);
        server = builder.start();
        awaitHealthy(adminPort);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void the_tour_runs_as_written_and_tells_the_story() throws Exception {
        Path script = work.resolve("tour.sh");
        Files.writeString(script, ReadmeTour.block(Files.readString(REPOSITORY.resolve("README.md"))));
        // in a folder of its own: the tour saves the PDFs it downloads where it runs
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("tour.out").toFile());
        builder.environment().putAll(environment);
        Process tour = builder.start();
        tour.getOutputStream().close();
        boolean finished = tour.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(work.resolve("tour.out"), StandardCharsets.UTF_8);
        if (!finished) {
            tour.destroyForcibly();
        }
        assertThat(finished).as("the tour finished in time:\n%s", output).isTrue();
        assertThat(tour.exitValue())
                .as(
                        "the tour ran to the end under bash -e:\n%s\nserver log:\n%s",
                        output, Files.readString(work.resolve("server.log")))
                .isZero();

        assertThat(output.lines())
                .as("the password alone reached nothing but a token (the second factor is required): %s", output)
                .contains("401");
        assertThat(Pattern.compile("\"recoveryCodes\":\\[").matcher(output).results())
                .as("four accounts enrolled a second factor, and were shown their recovery codes: %s", output)
                .hasSize(4);
        assertThat(output)
                .as(output)
                .contains("\"caseRef\":\"STAC-2026-0001\"")
                .contains("\"status\":\"reviewed\"", "\"yesCount\":7")
                .contains("\"state\":\"enrolled\"")
                .contains("\"enrolled\":1,\"active\":1")
                .contains("\"status\":409")
                .contains("\"pncId\":\"2019/0012345A\"")
                .contains("\"overallRisk\":\"high\"")
                .contains("\"outcome\":\"attended\"")
                .contains("\"state\":\"engaged\"")
                .contains("\"attendance\":{\"offered\":1,\"attended\":1")
                .contains("\"type\":\"incident\"")
                .contains("Audit log intact");
        assertThat(purposes(output))
                .as("the audit log learns what each call was for")
                .containsEntry("read referral", "daily case review")
                .containsEntry("create session", "recording a session")
                .containsEntry("disclose probation_summary", "parole hearing")
                .containsEntry("read timeline", "case review");
        assertThat(output)
                .as("no call was refused but the illegal move")
                .doesNotContain(
                        "\"status\":401",
                        "\"status\":403",
                        "\"status\":404",
                        "\"status\":412",
                        "\"status\":422",
                        "\"status\":428",
                        "\"status\":500");
    }

    /** "action resourceType" to the purpose stated, from the audit log the tour prints (the last of each). */
    private static Map<String, String> purposes(String output) throws IOException {
        Map<String, String> purposes = new java.util.TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : output.split("\n")) {
            if (line.startsWith("{\"items\":[{\"seq\"")) {
                for (JsonNode row : json.readTree(line).get("items")) {
                    purposes.put(
                            row.get("action").asText() + " "
                                    + row.get("resourceType").asText(),
                            row.get("purpose").asText(null));
                }
            }
        }
        return purposes;
    }

    private static void awaitHealthy(int adminPort) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("the service is running: %s", log()).isTrue();
            try {
                HttpResponse<String> ping = client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/ping"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ping.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The service did not start: " + log());
    }

    private static String log() {
        try {
            return Files.readString(work.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Whether oathtool runs: the tour needs it, so the test fails without it rather than skip the README. */
    private static boolean oathtool() throws InterruptedException {
        try {
            Process version = new ProcessBuilder("oathtool", "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException missing) {
            return false;
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path repository() {
        for (Path candidate : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(candidate.resolve("README.md"))
                    && Files.isRegularFile(candidate.resolve("config.yml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "README.md not found from " + Path.of("").toAbsolutePath());
    }
}
