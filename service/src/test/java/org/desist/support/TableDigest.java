package org.desist.support;

import io.dropwizard.db.DataSourceFactory;
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
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.desist.config.DesistConfiguration;
import org.sqlite.SQLiteConfig;

/**
 * A fingerprint of everything a database holds, over a connection of its own: one SHA-256 per table over
 * its rows (sorted in Java, so neither row order nor a database's collation matters), Liquibase's
 * bookkeeping aside. Two digests that differ name the tables that changed.
 */
public final class TableDigest implements AutoCloseable {
    /**
     * Written by refused and read-only requests by design: the audit trail, the sign-in throttle's counts, and the
     * request quotas' counts and unusual-reading notices (quota/RequestQuotas, quota/UnusualReading).
     */
    public static final Set<String> WRITTEN_BY_REFUSALS =
            Set.of("audit_event", "audit_head", "sign_in_throttle", "request_quota", "unusual_reading");

    private final Connection connection;
    private final List<String> tables;
    private final boolean typed;

    private TableDigest(Connection connection, Set<String> leaveOut, boolean typed) throws SQLException {
        this.connection = connection;
        this.typed = typed;
        String schema = connection.getMetaData().getURL().startsWith("jdbc:sqlite:") ? null : connection.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.startsWith("sqlite_") && !name.startsWith("databasechangelog") && !leaveOut.contains(name)) {
                    names.add(name);
                }
            }
        }
        Collections.sort(names);
        this.tables = List.copyOf(names);
    }

    /**
     * What a running app holds but its audit trail and sign-in throttle, which legitimately change with reads
     * and refusals.
     * Values are digested with their type: on SQLite 1 and '1' are different rows.
     */
    public static TableDigest of(DropwizardAppExtension<DesistConfiguration> app) {
        DataSourceFactory database = app.getConfiguration().getDatabase();
        Properties properties = new Properties();
        if (database.getUrl().startsWith("jdbc:sqlite:")) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            properties = config.toProperties();
        } else {
            properties.setProperty("user", database.getUser());
            properties.setProperty("password", database.getPassword() == null ? "" : database.getPassword());
        }
        try {
            return new TableDigest(
                    DriverManager.getConnection(database.getUrl(), properties), WRITTEN_BY_REFUSALS, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the app's database", e);
        }
    }

    /**
     * Every table, audit trail included, as "rows:sha256"; values as text, so that a copy from one kind of
     * database to the other digests the same.
     */
    public static Map<String, String> of(TestDatabase database) throws SQLException {
        try (TableDigest digest = new TableDigest(database.connect(), Set.of(), false)) {
            return digest.take();
        }
    }

    /** The tables digested, by name. */
    public List<String> tables() {
        return tables;
    }

    /** Table name → row count and SHA-256 of its rows. */
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
                    if (typed) {
                        Object value = result.getObject(column);
                        row.append(
                                        value == null
                                                ? "N"
                                                : value.getClass()
                                                        .getSimpleName()
                                                        .charAt(0))
                                .append(
                                        value instanceof byte[] bytes
                                                ? HexFormat.of().formatHex(bytes)
                                                : String.valueOf(value));
                    } else {
                        row.append(result.getString(column));
                    }
                    row.append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        MessageDigest sha = sha256();
        rows.forEach(row -> sha.update((row + '\u001e').getBytes(StandardCharsets.UTF_8)));
        return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
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
