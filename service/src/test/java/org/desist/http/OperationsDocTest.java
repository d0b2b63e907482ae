package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/operations.md names every setting config.yml takes from the environment, and nothing it does not. */
class OperationsDocTest {

    @Test
    void every_environment_variable_of_the_configuration_is_documented() throws IOException {
        Set<String> configured = names(Pattern.compile("\\$\\{(DESIST_\\w+):-"), read("config.yml"));
        String operations = read("docs/operations.md");
        assertThat(configured).isNotEmpty().allSatisfy(name -> assertThat(operations)
                .as("docs/operations.md documents %s", name)
                .contains("`" + name + "`"));
        assertThat(names(Pattern.compile("`(DESIST_\\w+)`"), operations))
                .as("variables the doc names")
                .isEqualTo(configured);
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String read(String file) throws IOException {
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(root.resolve(file))) {
                return Files.readString(root.resolve(file));
            }
        }
        throw new IllegalStateException(file + " not found from " + Path.of("").toAbsolutePath());
    }
}
