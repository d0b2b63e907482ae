package org.desist.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Throwaway keys and certificates for tests, made with the JDK's own keytool (nothing else to install). */
public final class Keytool {
    public static final String PASSWORD = "throwaway-keystore-password";

    private Keytool() {}

    /** A PKCS#12 keystore holding one self-signed RSA key for localhost and 127.0.0.1, under {@link #PASSWORD}. */
    public static Path selfSignedKeystore(Path folder, String alias) {
        Path keystore = folder.resolve(alias + ".p12");
        run(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        return keystore;
    }

    /** The PEM certificate of a new certificate authority that signed nothing anyone uses. */
    public static Path unrelatedCaCertificate(Path folder) {
        Path keystore = folder.resolve("unrelated-ca.p12");
        Path certificate = folder.resolve("unrelated-ca.crt");
        run(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=Not the CA you are looking for",
                "-ext",
                "bc:c",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        run(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificate.toString());
        return certificate;
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process keytool =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            keytool.getOutputStream().close();
            String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new folder for a test's keys. */
    public static Path folder() {
        try {
            return Files.createTempDirectory("desist-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
