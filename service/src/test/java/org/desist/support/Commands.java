package org.desist.support;

import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.desist.DesistApplication;
import org.desist.cli.ServeCommand;
import org.desist.config.DesistConfiguration;

/**
 * Runs the jar's commands (add-user, audit-verify) in this JVM, exactly as {@code java -jar desist.jar}
 * would dispatch them: a Bootstrap initialised by the application, then Dropwizard's Cli.
 */
public final class Commands {

    /** What a command did: the failure it ended with (empty on success) and what it printed. */
    public record Outcome(Optional<Throwable> failure, String stdout, String stderr) {
        public boolean succeeded() {
            return failure.isEmpty();
        }

        @Override
        public String toString() {
            return (succeeded() ? "succeeded" : "failed: " + failure.get()) + "\nstdout: " + stdout + "\nstderr: "
                    + stderr;
        }
    }

    /**
     * The audit key of test-config.yml, so commands check the chains the test apps seal: base64 of 32 random bytes,
     * made once with {@code openssl rand -base64 32} (a key must be random); not a secret.
     */
    public static final String AUDIT_KEY = "cozmEXRk1lypggmEVZcts7nE+8XWMYYJUh/rJZtGZno=";

    private Commands() {}

    /** A configuration file for the commands, pointing at one SQLite file. */
    public static Path configFor(Path databaseFile) {
        return configFor(TestDatabase.sqlite(databaseFile.toAbsolutePath()));
    }

    /** A configuration file for the commands, pointing at a test's database. */
    public static Path configFor(TestDatabase database) {
        return configFor(database, AUDIT_KEY, "");
    }

    /** As {@link #configFor(TestDatabase)}, with these audit keys; a null key leaves auditKey out. */
    public static Path configFor(TestDatabase database, String auditKey, String previousAuditKeys) {
        try {
            Path folder = database.file()
                    .map(file -> file.toAbsolutePath().getParent())
                    .orElse(Path.of(System.getProperty("java.io.tmpdir")));
            Path config = Files.createTempFile(folder, "config-", ".yml");
            Files.writeString(
                    config,
                    "database:\n" + database.yaml()
                            + String.join(
                                    "\n",
                                    "  validationQuery: \"SELECT 1\"",
                                    "migrateOnStart: true",
                                    "secondFactor:",
                                    "  required: false",
                                    auditKey == null ? "" : "auditKey: \"" + auditKey + "\"",
                                    "auditPreviousKeys: \"" + previousAuditKeys + "\"",
                                    // loopback: the server command refuses plain HTTP off it
                                    "server:",
                                    "  applicationConnectors:",
                                    "    - type: http",
                                    "      bindHost: 127.0.0.1",
                                    "      port: 0",
                                    "  adminConnectors:",
                                    "    - type: http",
                                    "      bindHost: 127.0.0.1",
                                    "      port: 0",
                                    "logging:",
                                    "  level: WARN",
                                    "  appenders:",
                                    "    - type: console",
                                    ""));
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command expected to refuse to start (the server command, say): one that starts instead would never
     * return, so after two minutes it is taken as not having refused (and left running, on ports of its own).
     */
    public static Outcome expectingRefusal(String... arguments) {
        java.util.concurrent.CompletableFuture<Outcome> outcome =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> run(null, arguments), runnable -> {
                    Thread thread = new Thread(runnable, "command-expected-to-refuse");
                    thread.setDaemon(true);
                    thread.start();
                });
        try {
            return outcome.get(2, java.util.concurrent.TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Outcome(Optional.empty(), "", "(still running after two minutes: it did not refuse)");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs one command line with {@code stdin} as standard input. Commands print their results on
     * System.out, so that is captured too, together with the Cli's own output streams.
     */
    public static synchronized Outcome run(String stdin, String... arguments) {
        DesistApplication application = new DesistApplication();
        Bootstrap<DesistConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        bootstrap.addCommand(new ServeCommand(application)); // the jar's server command, for its refusals to start
        // A running test app leaves its ConfigOverrides in dw.* system properties until it stops; they
        // would silently redirect a command to that app's database. Commands here read their file only.
        bootstrap.setConfigurationFactoryFactory((klass, validator, json, prefix) ->
                new YamlConfigurationFactory<>(klass, validator, json, "desist-command-test"));

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        try (PrintStream capturedOut = new PrintStream(stdout, true, StandardCharsets.UTF_8)) {
            System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
            System.setOut(capturedOut);
            Cli cli = new Cli(new JarLocation(DesistApplication.class), bootstrap, capturedOut, stderr);
            Optional<Throwable> failure = cli.run(arguments);
            cli.getStdOut().flush();
            cli.getStdErr().flush();
            return new Outcome(
                    failure, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }
}
