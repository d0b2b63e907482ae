package org.desist.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import jakarta.validation.Validation;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.desist.DesistApplication;
import org.desist.config.DesistConfiguration;
import org.desist.support.Commands;
import org.desist.support.Keytool;
import org.desist.support.TestDatabase;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Plain HTTP only on loopback (V12.2.1): config.yml binds both connectors there; off loopback a plain connector
 * refuses to start unless it is https or a TLS proxy is declared in front; an https connector speaks TLS 1.2 and
 * 1.3 only, with AEAD suites that have forward secrecy (V12.1.1, V12.1.2).
 */
@Tag("slow")
class PlainHttpRefusalTest {

    @Test
    void config_yml_binds_the_application_connector_to_loopback() throws Exception {
        DesistConfiguration configuration = new YamlConfigurationFactory<>(
                        DesistConfiguration.class,
                        Validation.buildDefaultValidatorFactory().getValidator(),
                        Jackson.newObjectMapper(),
                        "dw")
                .build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                        AdminPortTest.repositoryFile("config.yml"));
        DefaultServerFactory server = (DefaultServerFactory) configuration.getServerFactory();

        assertThat(server.getApplicationConnectors()).singleElement().satisfies(connector -> assertThat(
                        ((HttpConnectorFactory) connector).getBindHost())
                .isEqualTo(System.getenv().getOrDefault("DESIST_BIND", "127.0.0.1")));
        assertThat(configuration.getWeb().isBehindTlsProxy())
                .isEqualTo(Boolean.parseBoolean(System.getenv().getOrDefault("DESIST_BEHIND_TLS_PROXY", "false")));
    }

    @Test
    void plain_http_off_loopback_refuses_to_start_in_one_line() throws Exception {
        Path config = Commands.configFor(TestDatabase.fresh());
        Files.writeString(config, Files.readString(config).replaceFirst("bindHost: 127.0.0.1", "bindHost: 0.0.0.0"));

        Commands.Outcome refused = Commands.expectingRefusal("server", config.toString());

        assertThat(refused.succeeded()).as(refused.toString()).isFalse();
        assertThat(refused.stderr().strip())
                .as(refused.toString())
                .isEqualTo("desist: refusing to start: the application connector would serve plain HTTP on"
                        + " 0.0.0.0:0, off loopback: bind it to loopback (DESIST_BIND=127.0.0.1), make it https, or"
                        + " set DESIST_BEHIND_TLS_PROXY=true if a TLS proxy is in front (docs/operations.md, \"TLS\")");
        assertThat(refused.stdout()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void the_admin_connector_follows_the_same_rule() throws Exception {
        Path config = Commands.configFor(TestDatabase.fresh());
        String yaml = Files.readString(config);
        int admin = yaml.indexOf("adminConnectors:");
        Files.writeString(
                config,
                yaml.substring(0, admin) + yaml.substring(admin).replaceFirst("bindHost: 127.0.0.1", "bindHost: \"\""));

        Commands.Outcome refused = Commands.expectingRefusal("server", config.toString());

        assertThat(refused.succeeded()).as(refused.toString()).isFalse();
        assertThat(refused.stderr().strip())
                .as(refused.toString())
                .startsWith("desist: refusing to start: the admin connector would serve plain HTTP on every"
                        + " interface (port 0), off loopback: bind it to loopback (DESIST_ADMIN_BIND=127.0.0.1)")
                .doesNotContain("\n");
    }

    @Test
    void behind_a_declared_tls_proxy_it_starts_off_loopback() throws Exception {
        running(
                ResourceHelpers.resourceFilePath("test-config.yml"),
                List.of(
                        ConfigOverride.config("server.applicationConnectors[0].bindHost", "0.0.0.0"),
                        ConfigOverride.config("web.behindTlsProxy", "true")),
                service -> {
                    ServerConnector connector = connector(service);
                    assertThat(connector.getHost()).isEqualTo("0.0.0.0");
                    assertThat(connector.getContainedBeans(SslConnectionFactory.class))
                            .isEmpty();
                    HttpResponse<String> reply = send(
                            HttpClient.newHttpClient(), "http://127.0.0.1:" + service.getLocalPort() + "/api/sites");
                    assertThat(reply.statusCode()).isEqualTo(401);
                    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                });
    }

    @Test
    void an_https_connector_off_loopback_starts_and_speaks_tls_1_2_and_1_3_only() throws Exception {
        Path keys = Keytool.folder();
        Path keystore = Keytool.selfSignedKeystore(keys, "desist");
        Path config = keys.resolve("https-config.yml");
        String plain = "  applicationConnectors:\n    - type: http\n      bindHost: 127.0.0.1\n      port: 0\n";
        String yaml = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")));
        assertThat(yaml).contains(plain);
        Files.writeString(
                config,
                yaml.replace(
                        plain,
                        "  applicationConnectors:\n    - type: https\n      bindHost: 0.0.0.0\n      port: 0\n"
                                + "      keyStorePath: " + keystore + "\n      keyStorePassword: " + Keytool.PASSWORD
                                + "\n      keyStoreType: PKCS12\n"));

        running(config.toString(), List.of(), service -> {
            int port = service.getLocalPort();
            // Dropwizard wraps each connection factory in one that counts connections
            SslConnectionFactory tls = connector(service).getContainedBeans(SslConnectionFactory.class).stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the connector does not speak TLS"));
            assertThat(tls.getSslContextFactory().getSelectedProtocols()).containsOnly("TLSv1.3", "TLSv1.2");
            assertThat(tls.getSslContextFactory().getSelectedCipherSuites())
                    .isNotEmpty()
                    .allMatch(suite -> suite.matches("TLS_(AES|CHACHA20)_.*|TLS_(ECDHE|DHE)_.*_(GCM|POLY1305)_.*"));

            SSLContext trusting = trusting(keystore);
            for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
                try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("localhost", port)) {
                    socket.setEnabledProtocols(new String[] {protocol});
                    socket.startHandshake();
                    assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
                }
            }
            assertThat(firstRecordTypeAnsweringATls11Hello(port))
                    .as("a TLS 1.1 ClientHello is answered with an alert (21) or a closed connection (-1), not a"
                            + " ServerHello (22)")
                    .isIn(21, -1);

            HttpResponse<String> reply = send(
                    HttpClient.newBuilder().sslContext(trusting).build(), "https://localhost:" + port + "/api/sites");
            assertThat(reply.statusCode()).isEqualTo(401);
            assertThat(reply.body()).contains("\"status\":401");
        });
    }

    @Test
    void an_https_connector_that_names_an_old_protocol_refuses_to_start() throws Exception {
        Path keys = Keytool.folder();
        Path keystore = Keytool.selfSignedKeystore(keys, "desist");
        Path config = Commands.configFor(TestDatabase.fresh());
        Files.writeString(
                config,
                Files.readString(config)
                        .replaceFirst(
                                "    - type: http\n      bindHost: 127.0.0.1\n",
                                "    - type: https\n      bindHost: 0.0.0.0\n      keyStorePath: " + keystore
                                        + "\n      keyStorePassword: " + Keytool.PASSWORD
                                        + "\n      keyStoreType: PKCS12\n"
                                        + "      supportedProtocols: [TLSv1.3, TLSv1.2, TLSv1.1]\n"));

        Commands.Outcome refused = Commands.expectingRefusal("server", config.toString());

        assertThat(refused.succeeded()).as(refused.toString()).isFalse();
        assertThat(refused.stderr().strip())
                .as(refused.toString())
                .isEqualTo("desist: refusing to start: the application connector's supportedProtocols name"
                        + " TLSv1.1: only TLSv1.2 and TLSv1.3 are allowed (docs/operations.md, \"TLS\")");
    }

    private static void running(String configFile, List<ConfigOverride> settings, WhileRunning use) throws Exception {
        TestDatabase database = TestDatabase.fresh();
        DropwizardTestSupport<DesistConfiguration> service = new DropwizardTestSupport<>(
                DesistApplication.class, configFile, database.overrides(settings.toArray(ConfigOverride[]::new)));
        service.before();
        try {
            use.accept(service);
        } finally {
            service.after();
        }
    }

    private interface WhileRunning {
        void accept(DropwizardTestSupport<DesistConfiguration> service) throws Exception;
    }

    private static ServerConnector connector(DropwizardTestSupport<DesistConfiguration> service) {
        Server server = service.getEnvironment().getApplicationContext().getServer();
        return Arrays.stream(server.getConnectors())
                .map(ServerConnector.class::cast)
                .filter(connector -> connector.getLocalPort() == service.getLocalPort())
                .findFirst()
                .orElseThrow();
    }

    private static HttpResponse<String> send(HttpClient client, String url) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path keystore) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, Keytool.PASSWORD.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), new SecureRandom());
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a TLS 1.1 ClientHello by hand (the JDK's own client refuses to offer TLS 1.1 at all) and reads the
     * type of the record that answers it: 22 a handshake (the server went along), 21 an alert, -1 closed.
     */
    private static int firstRecordTypeAnsweringATls11Hello(int port) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        int[] suites = {0xc013, 0xc014, 0x002f, 0x0035, 0x000a}; // ECDHE-RSA and RSA with AES-CBC, 3DES
        ByteBuffer hello = ByteBuffer.allocate(512);
        hello.put((byte) 0x03).put((byte) 0x02).put(random).put((byte) 0); // TLS 1.1, random, no session id
        hello.putShort((short) (suites.length * 2));
        for (int suite : suites) {
            hello.putShort((short) suite);
        }
        hello.put((byte) 1).put((byte) 0); // no compression
        byte[] groups = {0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x18}; // supported_groups: P-256, P-384
        byte[] points = {0x00, 0x0b, 0x00, 0x02, 0x01, 0x00}; // ec_point_formats: uncompressed
        hello.putShort((short) (groups.length + points.length)).put(groups).put(points);
        byte[] body = Arrays.copyOf(hello.array(), hello.position());
        ByteBuffer record = ByteBuffer.allocate(body.length + 9);
        record.put((byte) 22).put((byte) 0x03).put((byte) 0x01).putShort((short) (body.length + 4));
        record.put((byte) 1).put((byte) 0).putShort((short) body.length).put(body);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(record.array());
            out.flush();
            return socket.getInputStream().read();
        }
    }
}
