package org.desist.db;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** The build's list of shipped change sets, and the start that trusts it only when the schema has them all. */
class ShippedChangeSetsTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theBuildListsWhatLiquibaseReadsFromTheChangelogs(Dialect dialect) throws Exception {
        assertThat(ShippedChangeSets.listed(dialect)).contains(ShippedChangeSets.parsed(dialect));
    }

    @Test
    void aStartOnACurrentSchemaLeavesLiquibaseOutAndOneMissingChangeSetBringsItBack() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        Migrations.apply(database.factory());
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(Migrations.class)).addAppender(log);
        try {
            Migrations.apply(database.factory());
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(message -> message.contains("nothing to migrate"));

            // the newest change set undone by hand: the next start must apply it again
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                for (String view : List.of(
                        "assessment",
                        "desistance_review",
                        "incident",
                        "legal_measure",
                        "plan_action",
                        "service_referral",
                        "session",
                        "victim_safety_concern")) {
                    statement.execute("DROP VIEW active_" + view);
                }
                statement.execute("DELETE FROM databasechangelog WHERE id = '0073-live-records'");
            }
            log.list.clear();
            Migrations.apply(database.factory());
            assertThat(log.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("nothing to migrate"));
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM active_session")) {
                assertThat(count.next()).isTrue();
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(Migrations.class)).detachAppender(log);
        }
    }
}
