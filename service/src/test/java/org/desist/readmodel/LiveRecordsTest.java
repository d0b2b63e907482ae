package org.desist.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live records, defined once: each clinical table's active_ view holds its records that were not entered in
 * error, with every column of the table (PostgreSQL fixes a view's columns when it is made, so a column added to
 * the table later must remake the view; this test says so on both databases).
 */
class LiveRecordsTest {
    private static CaseRows rows;

    @BeforeAll
    static void writeTwoOfEach() throws Exception {
        rows = CaseRows.fresh();
        for (String table : CaseRows.CLINICAL) {
            rows.live(table, table + "-live");
            rows.enteredInError(table, table + "-void");
        }
    }

    @AfterAll
    static void close() throws Exception {
        rows.close();
    }

    @Test
    void each_view_holds_the_live_record_and_not_the_one_entered_in_error() {
        for (String table : CaseRows.CLINICAL) {
            List<String> ids = rows.jdbi()
                    .withHandle(handle -> handle.createQuery("SELECT id FROM active_" + table + " ORDER BY id")
                            .mapTo(String.class)
                            .list());
            assertThat(ids).as("active_" + table).containsExactly(table + "-live");
        }
    }

    @Test
    void each_view_has_the_columns_of_its_table() throws Exception {
        for (String table : CaseRows.CLINICAL) {
            List<String> view = rows.jdbi().withHandle(handle -> columns(handle, "active_" + table));
            List<String> whole = rows.jdbi().withHandle(handle -> columns(handle, table));
            assertThat(view).as("active_" + table).isEqualTo(whole);
        }
    }

    private static List<String> columns(Handle handle, String relation) throws Exception {
        try (var statement = handle.getConnection().createStatement();
                var result = statement.executeQuery("SELECT * FROM " + relation + " WHERE 1 = 0")) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }
}
