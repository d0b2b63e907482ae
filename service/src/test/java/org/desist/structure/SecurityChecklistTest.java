package org.desist.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/security.md's ASVS 5.0 checklist keeps its count honest: every row has a status the checklist knows, a
 * reason when not applicable and evidence when met; every test or class it names exists; ids are unique and in
 * order; the summary line counts the table. Last, nothing is left open: that is the goal of issue 20.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityChecklistTest {
    static final String HEADING = "## ASVS 5.0 checklist (levels 1 and 2)";
    static final Set<String> STATUSES = Set.of("met", "n/a", "open");

    private static final Pattern CHAPTER = Pattern.compile("^### (V\\d+) .+$");
    private static final Pattern ID = Pattern.compile("V(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) met, (\\d+) n/a, (\\d+) open");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    /** A class as `package.Class` below org.desist, perhaps with a member after it: `signin.SignIn.password`. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("((?:[a-z][a-z0-9]*\\.)+)([A-Z][A-Za-z0-9]*)(?:\\.[a-z][A-Za-z0-9]*)?");
    /** A test named without its package, e.g. AdminPortTest. */
    private static final Pattern BARE_TEST = Pattern.compile("(?<![\\w.`/])([A-Z][A-Za-z0-9]*[a-z0-9](?:Test|IT))\\b");

    record Row(String chapter, String id, String requirement, String level, String status, String evidence) {
        @Override
        public String toString() {
            return id + " (" + status + ")";
        }
    }

    @Test
    @Order(1)
    void every_row_has_a_known_status_and_what_that_status_needs() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).as("rows of the checklist").isNotEmpty();
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(rows)
                    .as("rows whose status is not met, n/a or open")
                    .filteredOn(row -> !STATUSES.contains(row.status()))
                    .isEmpty();
            softly.assertThat(rows)
                    .as("rows whose level is not 1 or 2")
                    .filteredOn(row -> !Set.of("1", "2").contains(row.level()))
                    .isEmpty();
            softly.assertThat(rows)
                    .as("rows without a requirement")
                    .filteredOn(row -> row.requirement().isBlank())
                    .isEmpty();
            softly.assertThat(rows)
                    .as("n/a rows without a reason")
                    .filteredOn(row -> row.status().equals("n/a")
                            && row.evidence().replaceAll("[^A-Za-z]", "").length() < 4)
                    .isEmpty();
            softly.assertThat(rows)
                    .as("met rows naming no evidence (a class, test, setting or section in backticks)")
                    .filteredOn(row -> row.status().equals("met")
                            && !BACKTICKED.matcher(row.evidence()).find())
                    .isEmpty();
        });
    }

    @Test
    @Order(2)
    void every_test_and_class_named_exists() throws IOException {
        Path service = repository().resolve("service");
        Path tests = service.resolve("src/test/java");
        Path main = service.resolve("src/main/java");
        Set<String> testNames = simpleNames(tests);
        List<String> missing = new ArrayList<>();
        for (Row row : rows()) {
            String rest = row.evidence();
            Matcher backticked = BACKTICKED.matcher(row.evidence());
            while (backticked.find()) {
                Matcher name = CLASS_NAME.matcher(backticked.group(1));
                if (!name.matches()) {
                    continue;
                }
                String simple = name.group(2);
                boolean isTest = simple.endsWith("Test") || simple.endsWith("IT");
                Path file = (isTest ? tests : main)
                        .resolve("org/desist")
                        .resolve(name.group(1).replace('.', '/'))
                        .resolve(simple + ".java");
                if (!Files.isRegularFile(file)) {
                    missing.add(row.id() + ": " + (isTest ? "test " : "class ") + backticked.group(1));
                }
                rest = rest.replace(backticked.group(), "");
            }
            Matcher bare = BARE_TEST.matcher(rest);
            while (bare.find()) {
                if (!testNames.contains(bare.group(1))) {
                    missing.add(row.id() + ": test " + bare.group(1));
                }
            }
        }
        assertThat(missing)
                .as("tests under service/src/test/java and classes under service/src/main/java that the checklist"
                        + " names but that do not exist")
                .isEmpty();
    }

    @Test
    @Order(3)
    void ids_are_unique_and_in_order_within_their_chapter() throws IOException {
        List<Row> rows = rows();
        Set<String> seen = new HashSet<>();
        List<String> twice =
                rows.stream().map(Row::id).filter(id -> !seen.add(id)).toList();
        List<Row> misplaced = rows.stream()
                .filter(row -> !row.id().startsWith(row.chapter() + "."))
                .toList();
        List<String> outOfOrder = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            Row before = rows.get(i - 1);
            Row row = rows.get(i);
            if (before.chapter().equals(row.chapter()) && compare(before.id(), row.id()) >= 0) {
                outOfOrder.add(before.id() + " before " + row.id());
            }
        }
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(twice).as("ids listed twice").isEmpty();
            softly.assertThat(misplaced)
                    .as("rows under another chapter's heading")
                    .isEmpty();
            softly.assertThat(outOfOrder).as("ids out of order").isEmpty();
        });
    }

    @Test
    @Order(4)
    void the_summary_counts_the_table() throws IOException {
        Matcher summary = SUMMARY.matcher(section());
        assertThat(summary.find()).as("a summary line: N met, N n/a, N open").isTrue();
        Map<String, Long> counted = rows().stream().collect(Collectors.groupingBy(Row::status, Collectors.counting()));
        assertThat(Map.of(
                        "met", Long.parseLong(summary.group(1)),
                        "n/a", Long.parseLong(summary.group(2)),
                        "open", Long.parseLong(summary.group(3))))
                .as("the summary line against the rows")
                .isEqualTo(Map.of(
                        "met", counted.getOrDefault("met", 0L),
                        "n/a", counted.getOrDefault("n/a", 0L),
                        "open", counted.getOrDefault("open", 0L)));
    }

    /** The goal of issue 20, asserted last: it fails, naming them, while any applicable requirement is open. */
    @Test
    @Order(5)
    void no_applicable_requirement_is_left_open() throws IOException {
        assertThat(rows())
                .as("requirements still open")
                .filteredOn(row -> row.status().equals("open"))
                .isEmpty();
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        String chapter = null;
        for (String line : section().split("\n")) {
            Matcher heading = CHAPTER.matcher(line);
            if (heading.matches()) {
                chapter = heading.group(1);
                continue;
            }
            if (!line.startsWith("| V")) {
                continue;
            }
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|", -1);
            assertThat(cells).as("cells of %s", line).hasSize(5);
            String id = cells[0].strip();
            assertThat(id).as("an id in %s", line).matches(ID);
            assertThat(chapter).as("a chapter heading above %s", id).isNotNull();
            rows.add(new Row(chapter, id, cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip()));
        }
        return rows;
    }

    static String section() throws IOException {
        String security = Files.readString(repository().resolve("docs/security.md"));
        int start = security.indexOf("\n" + HEADING + "\n");
        assertThat(start).as("docs/security.md has the section %s", HEADING).isNotNegative();
        int end = security.indexOf("\n## ", start + HEADING.length() + 1);
        return end < 0 ? security.substring(start) : security.substring(start, end);
    }

    private static int compare(String a, String b) {
        return Arrays.compare(numbers(a), numbers(b));
    }

    private static int[] numbers(String id) {
        return Arrays.stream(id.substring(1).split("\\."))
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static Set<String> simpleNames(Path tests) throws IOException {
        try (Stream<Path> files = Files.walk(tests)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Path repository() {
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            if (Files.isRegularFile(root.resolve("docs/security.md"))
                    && Files.isDirectory(root.resolve("service/src/test/java"))) {
                return root.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException(
                "docs/security.md not found from " + Path.of("").toAbsolutePath());
    }
}
