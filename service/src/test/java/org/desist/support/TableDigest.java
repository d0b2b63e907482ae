package org.desist.support;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.desist.DesistConfiguration;
import org.sqlite.SQLiteConfig;

/**
 * A fingerprint of everything the service holds, read straight from its SQLite file over a read-only
 * connection of its own: one SHA-256 per table over its rows (sorted, so the order rows come back in
 * does not matter). The audit trail is left out: it legitimately grows with reads and refusals.
 * Two digests that differ name the tables that changed.
 */
public final class TableDigest implements AutoCloseable {
    /** Append-only, and written by refused and read-only requests by design. */
    public static final Set<String> APPEND_ONLY = Set.of("audit_event", "audit_head");

    private final Connection connection;
    private final List<String> tables;

    private TableDigest(Connection connection) throws SQLException {
        this.connection = connection;
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                if (!APPEND_ONLY.contains(rows.getString(1))) {
                    names.add(rows.getString(1));
                }
            }
        }
        this.tables = List.copyOf(names);
    }

    public static TableDigest of(DropwizardAppExtension<DesistConfiguration> app) {
        return of(app.getConfiguration().getDatabase().getUrl());
    }

    public static TableDigest of(String jdbcUrl) {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return new TableDigest(DriverManager.getConnection(jdbcUrl, config.toProperties()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open " + jdbcUrl, e);
        }
    }

    /** The tables digested, by name. */
    public List<String> tables() {
        return tables;
    }

    /** Table name → SHA-256 of its rows, as hex. */
    public Map<String, String> take() {
        Map<String, String> digests = new TreeMap<>();
        try {
            for (String table : tables) {
                digests.put(table, digest(table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database", e);
        }
        return digests;
    }

    /** The tables whose digest differs between two takes. */
    public static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        before.forEach((table, digest) -> {
            if (!digest.equals(after.get(table))) {
                changed.add(table);
            }
        });
        after.keySet().stream().filter(table -> !before.containsKey(table)).forEach(changed::add);
        return changed;
    }

    private String digest(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    Object value = result.getObject(column);
                    // the type as well as the value: 1 and '1' are different rows
                    row.append(value == null ? "N" : value.getClass().getSimpleName().charAt(0))
                            .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value))
                            .append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        MessageDigest sha = sha256();
        rows.forEach(row -> sha.update((row + '\u001e').getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
