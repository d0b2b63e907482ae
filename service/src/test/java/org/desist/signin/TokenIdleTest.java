package org.desist.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.desist.db.Databases;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bearer token's idle timeout on a migrated database, with a clock the test moves: refused once unused for
 * longer than the timeout, kept alive by use, and its idle clock (and last address) written at most once a
 * minute.
 */
class TokenIdleTest {
    private static final Duration IDLE = Duration.ofMinutes(60);
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-03T09:00:00Z"));
    private static Databases.Opened database;
    private static TokenAuthenticator tokens;

    @BeforeAll
    static void open() throws Exception {
        database = Databases.open(TestDatabase.fresh().factory(), true, "token-idle-test");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        tokens = new TokenAuthenticator(database.jdbi(), clock, IDLE);
        database.jdbi()
                .useHandle(handle ->
                        handle.execute("INSERT INTO app_user (username, password_hash, created_at, updated_at) VALUES"
                                + " ('idle.user', 'x', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    private static void advance(Duration by) {
        NOW.updateAndGet(now -> now.plus(by));
    }

    private static String issue(String id) {
        String token = ApiTokens.newToken();
        Instant now = NOW.get();
        database.jdbi()
                .useExtension(
                        TokenDao.class,
                        dao -> dao.insert(
                                id,
                                "idle.user",
                                ApiTokens.hash(token),
                                now,
                                now.plus(Duration.ofHours(8)),
                                false,
                                "192.0.2.1"));
        return token;
    }

    private static String column(String column, String id) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT " + column + " FROM api_token WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    }

    @Test
    void a_token_in_use_stays_live_and_one_left_idle_past_the_timeout_is_refused() {
        String busy = issue("busy");
        String idle = issue("idle");
        Instant issued = NOW.get();
        advance(Duration.ofSeconds(30));
        assertThat(tokens.authenticate(idle, "192.0.2.2")).isPresent();
        assertThat(column("last_used_from", "idle"))
                .as("not written within the minute")
                .isEqualTo("192.0.2.1");
        // the busy one is used every 50 minutes, well past its lifetime's first hour
        for (int i = 1; i <= 3; i++) {
            advance(Duration.ofMinutes(50).minusSeconds(i == 1 ? 30 : 0));
            assertThat(tokens.authenticate(busy, "192.0.2.3"))
                    .as("busy after %d minutes", i * 50)
                    .hasValueSatisfying(bearer -> assertThat(bearer.tokenId()).isEqualTo("busy"));
        }
        assertThat(column("last_used_from", "busy")).isEqualTo("192.0.2.3");
        assertThat(Instant.parse(column("last_used_at", "busy"))).isEqualTo(issued.plus(Duration.ofMinutes(150)));
        // the idle one was last written when issued: an hour after that, it is refused
        assertThat(tokens.authenticate(idle, "192.0.2.2")).isEmpty();
        advance(Duration.ofMinutes(60).plusSeconds(1));
        assertThat(tokens.authenticate(busy, "192.0.2.3"))
                .as("an hour and a second unused")
                .isEmpty();
    }
}
