package org.desist.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.desist.db.Dialect;

/**
 * Moves every row of every table from one Desist database to another (SQLite to PostgreSQL, or back),
 * both migrated to the same schema. Rows are copied as they are, audit log included, so the hash chain
 * verifies on the target exactly as on the source. The target must hold no case data yet; what its
 * migrations seeded (reference data, the audit head) is replaced by the source's, in one transaction
 * that either lands whole or leaves the target as it was. The source is read inside one transaction,
 * so a copy taken while something still writes is at least consistent.
 */
public final class DatabaseCopy {
    private static final int BATCH = 1_000;
    /** Tables whose rows mean a database is in use; migrations seed none of them. */
    private static final List<String> IN_USE = List.of("participant", "referral", "site", "app_user", "audit_event");

    private final Connection source;
    private final Connection target;

    public DatabaseCopy(Connection source, Connection target) {
        this.source = source;
        this.target = target;
    }

    /** The copy's outcome: rows per table, in the order they were written. */
    public record Copied(Map<String, Long> rows) {}

    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    public Copied run() throws SQLException {
        List<String> tables = tablesInDependencyOrder(target);
        Map<String, List<String>> columns = sameColumns(tables);
        for (String table : IN_USE) {
            if (count(target, table) > 0) {
                throw new Refused("the target already holds data (" + table + " is not empty): copy only into a"
                        + " new, empty database");
            }
        }
        if (Dialect.of(source.getMetaData().getURL()) == Dialect.POSTGRESQL) {
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every table
            source.setReadOnly(true);
        }
        source.setAutoCommit(false);
        target.setAutoCommit(false);
        try {
            List<String> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            for (String table : reversed) {
                if (count(target, table) > 0) {
                    try (Statement statement = target.createStatement()) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                }
            }
            Map<String, Long> copied = new LinkedHashMap<>();
            for (String table : tables) {
                copied.put(table, copyTable(table, columns.get(table)));
            }
            for (String table : tables) {
                long there = count(target, table);
                if (there != copied.get(table) || there != count(source, table)) {
                    throw new IllegalStateException(
                            table + ": " + copied.get(table) + " rows read but " + there + " on the target");
                }
            }
            target.commit();
            return new Copied(copied);
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            source.rollback();
        }
    }

    private long copyTable(String table, List<String> columns) throws SQLException {
        String list = String.join(", ", columns);
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        long rows = 0;
        try (Statement read = source.createStatement();
                ResultSet from = read.executeQuery("SELECT " + list + " FROM " + table + orderByKey(table));
                PreparedStatement write =
                        target.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES (" + marks + ")")) {
            read.setFetchSize(BATCH);
            while (from.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    write.setObject(i, from.getObject(i));
                }
                write.addBatch();
                if (++rows % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return rows;
    }

    /** Parents before children, by the target's foreign keys; ties by name, so the order is stable. */
    static List<String> tablesInDependencyOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet tables = meta.getTables(null, schemaOf(connection), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.startsWith("databasechangelog")) {
                    parents.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String table : parents.keySet()) {
            try (ResultSet keys = meta.getImportedKeys(null, schemaOf(connection), table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table)) {
                        parents.get(table).add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!ordered.contains(table.getKey()) && ordered.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return ordered;
    }

    private Map<String, List<String>> sameColumns(List<String> tables) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (String table : tables) {
            List<String> there = columnsOf(target, table);
            List<String> here = columnsOf(source, table);
            if (!new LinkedHashSet<>(here).equals(new LinkedHashSet<>(there))) {
                throw new Refused("the two databases are at different schema versions (" + table + " has "
                        + (here.isEmpty() ? "no table" : here) + " on the source and " + there + " on the target):"
                        + " start the service once on the source to migrate it, then copy");
            }
            columns.put(table, there);
        }
        return columns;
    }

    private static List<String> columnsOf(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, schemaOf(connection), table, "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static String schemaOf(Connection connection) throws SQLException {
        return Dialect.of(connection.getMetaData().getURL()) == Dialect.POSTGRESQL ? connection.getSchema() : null;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Rows go in primary-key order, so the target is written as the source was laid out. */
    private String orderByKey(String table) throws SQLException {
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet columns = source.getMetaData().getPrimaryKeys(null, schemaOf(source), table)) {
            while (columns.next()) {
                key.put(columns.getInt("KEY_SEQ"), columns.getString("COLUMN_NAME"));
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key.values());
    }
}
