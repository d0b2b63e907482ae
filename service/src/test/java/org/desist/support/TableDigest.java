package org.desist.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SHA-256 of every row of every table (Liquibase's bookkeeping aside), per table, with rows sorted in
 * Java so that SQLite and PostgreSQL, whatever their collations, give the same digest for the same rows.
 */
public final class TableDigest {
    private TableDigest() {
    }

    public static Map<String, String> of(TestDatabase database) throws SQLException {
        return of(database, Set.of());
    }

    public static Map<String, String> of(TestDatabase database, Set<String> leaveOut) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            String schema = database.isSqlite() ? null : connection.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet names = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (names.next()) {
                    String name = names.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!name.startsWith("sqlite_") && !name.startsWith("databasechangelog") && !leaveOut.contains(name)) {
                        tables.add(name);
                    }
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(result.getString(i)).append('\u001f');
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                digests.put(table, sha256(table, rows));
            }
        }
        return digests;
    }

    private static String sha256(String table, List<String> rows) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            for (String row : rows) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
