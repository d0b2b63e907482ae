package org.desist.synthetic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batched inserts for a bulk load, straight through JDBC on one connection. Tables are flushed in the
 * order they were declared (parents before children), so foreign keys hold at every flush.
 */
final class Rows implements AutoCloseable {
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
    private final Map<String, Integer> pending = new LinkedHashMap<>();
    private long written;

    Rows(Connection connection, Map<String, String> tables) throws SQLException {
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String columns = table.getValue();
            String marks = columns.replaceAll("[^,]+", "?");
            statements.put(
                    table.getKey(),
                    connection.prepareStatement(
                            "INSERT INTO " + table.getKey() + " (" + columns + ") VALUES (" + marks + ")"));
            pending.put(table.getKey(), 0);
        }
    }

    void add(String table, Object... values) {
        PreparedStatement statement = statements.get(table);
        try {
            for (int i = 0; i < values.length; i++) {
                // flags are INTEGER 0/1 on every database (see FlagColumns); PostgreSQL refuses a boolean there
                statement.setObject(i + 1, values[i] instanceof Boolean flag ? (flag ? 1 : 0) : values[i]);
            }
            statement.addBatch();
            pending.merge(table, 1, Integer::sum);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add a row to " + table, e);
        }
    }

    void flush() {
        for (Map.Entry<String, PreparedStatement> table : statements.entrySet()) {
            if (pending.get(table.getKey()) > 0) {
                try {
                    table.getValue().executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not write " + table.getKey(), e);
                }
                written += pending.put(table.getKey(), 0);
            }
        }
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            statement.close();
        }
    }
}
