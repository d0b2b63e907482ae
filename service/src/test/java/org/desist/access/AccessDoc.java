package org.desist.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.auth.Role;

/**
 * docs/access.md read back: the "now" matrix (endpoint → roles with {@code yes}), the action table
 * (action → endpoints) and the planned endpoints. Anything malformed fails loudly rather than being
 * skipped, so the document cannot drift into a shape the tests no longer read.
 */
final class AccessDoc {
    static final String NOW_HEADING = "## The matrix now";
    static final String PLANNED_HEADING = "## Planned: endpoints of later issues";

    private final Map<String, Set<Role>> now;
    private final Map<Action, Set<String>> actions;
    private final Set<String> planned;
    private final Set<String> open;

    private AccessDoc(
            Map<String, Set<Role>> now, Map<Action, Set<String>> actions, Set<String> planned, Set<String> open) {
        this.now = now;
        this.actions = actions;
        this.planned = planned;
        this.open = open;
    }

    static AccessDoc load() {
        Path file = locate();
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Endpoint ({@code GET /api/participants/{id}}) → the roles its row marks {@code yes}, in document order. */
    Map<String, Set<Role>> now() {
        return now;
    }

    /** Action → the endpoints the action table lists for it. */
    Map<Action, Set<String>> actions() {
        return actions;
    }

    /** Addresses of the table of those answered without credentials. */
    Set<String> open() {
        return open;
    }

    /** Endpoints of the planned table (query strings kept, as written). */
    Set<String> planned() {
        return planned;
    }

    private static Path locate() {
        for (Path candidate : List.of(Path.of("../docs/access.md"), Path.of("docs/access.md"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "docs/access.md not found from " + Path.of("").toAbsolutePath());
    }

    static AccessDoc parse(List<String> lines) {
        List<List<String>> nowTable = tableAfter(lines, NOW_HEADING, "endpoint");
        List<List<String>> actionTable = tableAfter(lines, NOW_HEADING, "action");
        List<List<String>> plannedTable = tableAfter(lines, PLANNED_HEADING, "endpoint");
        List<List<String>> openTable = tableAfter(lines, NOW_HEADING, "without credentials");
        return new AccessDoc(
                matrix(nowTable), actions(actionTable), plannedEndpoints(plannedTable), plannedEndpoints(openTable));
    }

    private static Map<String, Set<Role>> matrix(List<List<String>> table) {
        List<String> header = table.get(0);
        List<Role> columns =
                header.subList(1, header.size()).stream().map(Role::valueOf).toList();
        if (!EnumSet.copyOf(columns).equals(EnumSet.allOf(Role.class)) || columns.size() != Role.values().length) {
            throw new IllegalStateException("The matrix needs one column per role, got " + header);
        }
        Map<String, Set<Role>> matrix = new LinkedHashMap<>();
        for (List<String> row : table.subList(1, table.size())) {
            if (row.size() != header.size()) {
                throw new IllegalStateException(
                        "Row has " + row.size() + " cells, header " + header.size() + ": " + row);
            }
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            for (int i = 0; i < columns.size(); i++) {
                String cell = row.get(i + 1);
                switch (cell) {
                    case "yes" -> allowed.add(columns.get(i));
                    case "-" -> {}
                    default ->
                        throw new IllegalStateException("Cell must be 'yes' or '-', got '" + cell + "' in " + row);
                }
            }
            String endpoint = endpoint(row.get(0));
            if (matrix.put(endpoint, allowed) != null) {
                throw new IllegalStateException("Endpoint listed twice: " + endpoint);
            }
        }
        return matrix;
    }

    private static Map<Action, Set<String>> actions(List<List<String>> table) {
        Map<Action, Set<String>> actions = new LinkedHashMap<>();
        for (List<String> row : table.subList(1, table.size())) {
            Action action = Action.valueOf(unquote(row.get(0)));
            Set<String> endpoints = new LinkedHashSet<>();
            Arrays.stream(row.get(1).split(","))
                    .map(String::strip)
                    .map(AccessDoc::endpoint)
                    .forEach(endpoints::add);
            if (actions.put(action, endpoints) != null) {
                throw new IllegalStateException("Action listed twice: " + action);
            }
        }
        return actions;
    }

    private static Set<String> plannedEndpoints(List<List<String>> table) {
        Set<String> planned = new LinkedHashSet<>();
        table.subList(1, table.size()).forEach(row -> planned.add(endpoint(row.get(0))));
        return planned;
    }

    /** {@code GET /api/x} or {@code `GET /api/x`}, checked for its shape. */
    private static String endpoint(String cell) {
        String endpoint = unquote(cell);
        if (!endpoint.matches("(GET|POST|PUT|PATCH|DELETE) /api(/[^\\s/]+)+")) {
            throw new IllegalStateException("Not an endpoint like 'GET /api/participants/{id}': '" + cell + "'");
        }
        return endpoint;
    }

    private static String unquote(String cell) {
        String text = cell.strip();
        return text.startsWith("`") && text.endsWith("`") && text.length() > 1
                ? text.substring(1, text.length() - 1)
                : text;
    }

    /** The first table after the heading (and before the next level-2 heading) whose first column is named so. */
    private static List<List<String>> tableAfter(List<String> lines, String heading, String firstColumn) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("docs/access.md has no heading '" + heading + "'");
        }
        List<List<String>> table = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("## ")) {
                break;
            }
            if (table.isEmpty()) {
                if (line.startsWith("|") && cells(line).get(0).equals(firstColumn)) {
                    table.add(cells(line));
                    i++; // the --- line
                }
            } else if (line.startsWith("|")) {
                table.add(cells(line));
            } else {
                break;
            }
        }
        // a header alone is a table with no rows (the planned table, once everything is built)
        if (table.isEmpty()) {
            throw new IllegalStateException("No table starting '| " + firstColumn + " |' under '" + heading + "'");
        }
        return table;
    }

    /** The cells of a table row; {@code \|} is a pipe inside a cell. */
    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }
}
