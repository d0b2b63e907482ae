package org.desist.cohortreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/metrics.md defines every figure of the catalogue, once, and nothing else. */
class MetricsDocTest {

    @Test
    void every_figure_has_its_definition_and_every_definition_a_figure() throws IOException {
        Path doc = Files.isRegularFile(Path.of("../docs/metrics.md"))
                ? Path.of("../docs/metrics.md")
                : Path.of("docs/metrics.md");
        List<String> headings = Files.readAllLines(doc).stream()
                .filter(line -> line.startsWith("### `"))
                .map(line -> line.substring(5, line.lastIndexOf('`')))
                .toList();
        assertThat(headings).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(headings))
                .isEqualTo(new TreeSet<>(
                        Arrays.stream(Figure.values()).map(Enum::name).toList()));
    }

    @Test
    void the_csv_columns_are_the_documented_ones() throws IOException {
        Path doc = Files.isRegularFile(Path.of("../docs/metrics.md"))
                ? Path.of("../docs/metrics.md")
                : Path.of("docs/metrics.md");
        String text = Files.readString(doc);
        for (String column : FiguresCsv.COLUMNS) {
            assertThat(text).contains("`" + column + "`");
        }
    }
}
