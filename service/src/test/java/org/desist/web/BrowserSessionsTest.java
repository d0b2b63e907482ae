package org.desist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.desist.db.Databases;
import org.desist.signin.ApiTokens;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session store on a migrated database, with a clock the test moves: idle and absolute ends, the sweep. */
class BrowserSessionsTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(10);
    private static final String ADDRESS = "192.0.2.1";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
    private static Databases.Opened database;
    private static BrowserSessions sessions;

    @BeforeAll
    static void open() throws Exception {
        database = Databases.open(TestDatabase.fresh().factory(), true, "browser-sessions-test");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        sessions = new BrowserSessions(database.jdbi(), clock, IDLE, ABSOLUTE);
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("INSERT INTO app_user (username, password_hash, created_at, updated_at) VALUES"
                                + " ('kept.busy', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                                + " ('gone.idle', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    private static void advance(Duration by) {
        NOW.updateAndGet(now -> now.plus(by));
    }

    private static long rows(Jdbi jdbi) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM browser_session")
                .mapTo(Long.class)
                .one());
    }

    @Test
    void a_session_ends_when_idle_and_when_too_old_however_busy_and_the_sweep_removes_the_rows() {
        String busy = sessions.start("kept.busy", false, ADDRESS).orElseThrow();
        String idle = sessions.start("gone.idle", false, ADDRESS).orElseThrow();
        // the busy one is used every 20 minutes; the other never again
        for (int i = 0; i < 29; i++) {
            advance(Duration.ofMinutes(20));
            assertThat(sessions.find(busy, ADDRESS))
                    .as("busy after %d minutes", (i + 1) * 20)
                    .isPresent();
            if (i == 1) {
                assertThat(sessions.find(idle, ADDRESS)).as("idle 40 minutes").isEmpty();
            }
        }
        advance(Duration.ofMinutes(20)); // 10 hours since it began
        assertThat(sessions.find(busy, ADDRESS)).as("10 hours after signing in").isEmpty();

        String fresh = sessions.start("kept.busy", false, ADDRESS).orElseThrow();
        String stale = sessions.start("gone.idle", false, ADDRESS).orElseThrow();
        advance(Duration.ofMinutes(31));
        assertThat(sessions.find(fresh, ADDRESS)).isEmpty(); // ends on being shown
        assertThat(rows(database.jdbi())).isEqualTo(1); // the other's row is still there until swept
        assertThat(sessions.sweep()).isEqualTo(1);
        assertThat(rows(database.jdbi())).isZero();
        assertThat(ApiTokens.hash(stale)).isNotEqualTo(stale);
    }

    @Test
    void a_disabled_account_gets_no_session() {
        database.jdbi()
                .useHandle(handle -> handle.execute(
                        "INSERT INTO app_user (username, password_hash, disabled, created_at, updated_at) VALUES"
                                + " ('switched.off', 'x', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
        assertThat(sessions.start("switched.off", false, ADDRESS)).isEmpty();
        assertThat(sessions.find("dst_not-a-session", ADDRESS)).isEmpty();
        assertThat(sessions.find(null, ADDRESS)).isEmpty();
    }
}
