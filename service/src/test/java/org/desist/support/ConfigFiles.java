package org.desist.support;

import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test configuration of a class's own: one of the shipped test files with some top-level blocks replaced or
 * added, written to a temporary file. Unlike ConfigOverride (system properties), nothing of it reaches another
 * test class that starts an app in the same JVM.
 */
public final class ConfigFiles {
    private ConfigFiles() {}

    /** {@code blocks}: top-level key to its whole YAML text (key line included), replacing the base's block. */
    public static String derived(String base, Map<String, String> blocks) {
        try {
            List<String> kept = new ArrayList<>();
            boolean skipping = false;
            for (String line : Files.readAllLines(Path.of(ResourceHelpers.resourceFilePath(base)))) {
                boolean topLevel = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#");
                if (topLevel) {
                    String key = line.substring(0, Math.max(0, line.indexOf(':')));
                    skipping = blocks.containsKey(key);
                }
                if (!skipping) {
                    kept.add(line);
                }
            }
            kept.addAll(blocks.values());
            Path file = Files.createTempDirectory("desist-config").resolve("config.yml");
            Files.write(file, kept);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
