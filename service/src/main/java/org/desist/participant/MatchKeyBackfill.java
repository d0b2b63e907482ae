package org.desist.participant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Migration 0072: gives every participant already held its match keys, computed by {@link MatchKey} (SQL cannot
 * strip accents alike on SQLite and PostgreSQL). Oldest first, so when two live participants already share an NHS
 * number or PNC id, the first keeps the claim on it and the later one gets none: the unique indexes that follow
 * can then be built, and the duplicate is left for a lead to merge.
 */
public class MatchKeyBackfill implements CustomTaskChange {
    private int claimsLeftOut;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        Set<String> nhsClaimed = new HashSet<>();
        Set<String> pncClaimed = new HashSet<>();
        try (PreparedStatement read = connection.prepareStatement("SELECT id, given_name, family_name, nhs_number,"
                        + " pnc_id, merged_into FROM participant ORDER BY created_at, id");
                PreparedStatement write = connection.prepareStatement("UPDATE participant SET given_key = ?,"
                        + " family_key = ?, nhs_key = ?, pnc_key = ? WHERE id = ?");
                ResultSet rows = read.executeQuery()) {
            while (rows.next()) {
                boolean live = rows.getString("merged_into") == null;
                write.setString(1, MatchKey.name(rows.getString("given_name")));
                write.setString(2, MatchKey.name(rows.getString("family_name")));
                write.setString(3, claim(MatchKey.nhs(rows.getString("nhs_number")), live, nhsClaimed));
                write.setString(4, claim(MatchKey.pnc(rows.getString("pnc_id")), live, pncClaimed));
                write.setString(5, rows.getString("id"));
                write.addBatch();
            }
            write.executeBatch();
        } catch (SQLException e) {
            throw new CustomChangeException("Could not compute participants' match keys", e);
        }
    }

    /** The key, unless an earlier live participant holds it already. */
    private String claim(String key, boolean live, Set<String> claimed) {
        if (key == null || !live || claimed.add(key)) {
            return key;
        }
        claimsLeftOut++;
        return null;
    }

    @Override
    public String getConfirmationMessage() {
        return "Participants' match keys computed; " + claimsLeftOut + " NHS numbers or PNC ids already held by an"
                + " earlier participant left unclaimed (duplicates to merge)";
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
