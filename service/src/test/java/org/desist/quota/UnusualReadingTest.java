package org.desist.quota;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * An account that reads far more than its usual is a WARN security event and one unusual_reading audit row a day;
 * test-config-unusual.yml sets the floor to 6 reads and looks on every read.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class UnusualReadingTest {
    static final TestDatabase DATABASE = TestDatabase.fresh();
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class, ResourceHelpers.resourceFilePath("test-config-unusual.yml"), DATABASE.overrides());
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @BeforeAll
    static void staff() {
        Staff.ensure(APP, "heavy.reader", Set.of(Role.clinician), Set.of());
        Staff.ensure(APP, "light.reader", Set.of(Role.clinician), Set.of());
        LOG.start();
        ((Logger) LoggerFactory.getLogger(UnusualReading.class)).addAppender(LOG);
    }

    @Test
    void reading_past_the_floor_on_a_first_day_is_noticed_once() {
        for (int i = 0; i < 12; i++) {
            assertThat(TestApp.as(APP, "heavy.reader").get("/participants").status())
                    .isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(TestApp.as(APP, "light.reader").get("/participants").status())
                    .isEqualTo(200);
        }

        List<Map<String, Object>> rows = DATABASE.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT username, resource_type, resource_id FROM audit_event"
                                + " WHERE action = 'unusual_reading'")
                        .mapToMap()
                        .list());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("username", "heavy.reader").containsEntry("resource_id", "heavy.reader");
        assertThat(LOG.list)
                .filteredOn(event -> event.getFormattedMessage().contains("unusual reading"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel().toString()).isEqualTo("WARN");
                    assertThat(event.getFormattedMessage()).contains("'heavy.reader'", "6 reads");
                });
    }

    @Test
    void the_threshold_is_the_usual_times_the_factor_and_never_below_the_floor() {
        assertThat(UnusualReading.threshold(0, 5, 300)).isEqualTo(300);
        assertThat(UnusualReading.threshold(40, 5, 300)).isEqualTo(300);
        assertThat(UnusualReading.threshold(100, 5, 300)).isEqualTo(500);
        assertThat(UnusualReading.threshold(100.2, 5, 300)).isEqualTo(501);
    }
}
