package org.desist.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** An npm webjar's version, from its own Maven metadata, so a version bump in the pom is all it takes. */
final class Webjar {
    private Webjar() {}

    static String version(String name) {
        String metadata = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = Webjar.class.getResourceAsStream(metadata)) {
            if (in == null) {
                throw new IllegalStateException("The " + name + " webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
