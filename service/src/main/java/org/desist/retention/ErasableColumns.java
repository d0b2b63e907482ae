package org.desist.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Migration 0082 on SQLite: drops the NOT NULL of the identity and free-text columns that disposal erases in the
 * rows it keeps for the figures ({@link Disposal}). SQLite cannot alter a column, and a rebuild of participant would
 * drag every table that references it; a NOT NULL is not part of the stored rows, so, as SQLite documents, the
 * CREATE TABLE text is edited under writable_schema and the schema version bumped so every connection rereads it.
 */
public class ErasableColumns implements CustomTaskChange {
    /** The NOT NULL columns that disposal sets to NULL, by table (the PostgreSQL change of 0082 lists the same). */
    static final Map<String, List<String>> NOT_NULL = Map.of(
            "participant", List.of("given_name", "family_name", "date_of_birth"),
            "referral", List.of("referrer", "behaviour", "victim_ref", "legal_status"),
            "session", List.of("facilitator"),
            "service_referral", List.of("provider", "reason"),
            "service_referral_move", List.of("reason"),
            "assessment", List.of("assessor", "diagnoses", "substance_misuse"),
            "incident", List.of("details"));

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try (Statement statement = connection.createStatement()) {
            int version;
            try (ResultSet rows = statement.executeQuery("PRAGMA schema_version")) {
                rows.next();
                version = rows.getInt(1);
            }
            statement.execute("PRAGMA writable_schema = ON");
            try (PreparedStatement read = connection.prepareStatement(
                            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
                    PreparedStatement write = connection.prepareStatement(
                            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?")) {
                for (Map.Entry<String, List<String>> table : NOT_NULL.entrySet()) {
                    read.setString(1, table.getKey());
                    String sql;
                    try (ResultSet rows = read.executeQuery()) {
                        rows.next();
                        sql = rows.getString(1);
                    }
                    for (String column : table.getValue()) {
                        sql = withoutNotNull(sql, table.getKey(), column);
                    }
                    write.setString(1, sql);
                    write.setString(2, table.getKey());
                    write.executeUpdate();
                }
            }
            statement.execute("PRAGMA schema_version = " + (version + 1));
            statement.execute("PRAGMA writable_schema = OFF");
        } catch (SQLException e) {
            throw new CustomChangeException("Could not let disposal erase the identity and free-text columns", e);
        }
    }

    /** The CREATE TABLE text with one column's NOT NULL removed; refuses a text it does not recognise. */
    static String withoutNotNull(String createTable, String table, String column) throws SQLException {
        Matcher matcher =
                Pattern.compile("(\\n\\s*" + column + "\\s+TEXT)\\s+NOT NULL").matcher(createTable);
        if (!matcher.find()) {
            throw new SQLException("No NOT NULL column " + column + " in " + table + ": " + createTable);
        }
        return matcher.replaceFirst(Matcher.quoteReplacement(matcher.group(1)));
    }

    @Override
    public String getConfirmationMessage() {
        return "Disposal may erase the identity and free-text columns";
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
