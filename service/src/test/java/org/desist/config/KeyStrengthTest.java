package org.desist.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.desist.audit.AuditKeys;
import org.desist.cohortreport.Pseudonyms;
import org.desist.crypto.RandomKeys;
import org.desist.support.Commands;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 20, item 9 (ASVS 11.1.1-2, 11.4.4, 13.3.x): the audit and pseudonym keys are random keys of at least 256
 * bits, given as base64; a typed phrase is refused at start naming the setting and how to make a key, never
 * showing the value. Previous audit keys only verify, so an old phrase there is accepted with a warning.
 */
@Tag("slow")
class KeyStrengthTest {
    /** A typed phrase, long and even base64's alphabet only, so only its guessability gives it away. */
    static final String PHRASE = "ThisIsMyVeryLongAndSecretAuditKeyForDesistPlease2026";

    private static String randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static Commands.Outcome withRootLog(
            ListAppender<ILoggingEvent> log, java.util.function.Supplier<Commands.Outcome> run) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try {
            return run.get();
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void a_typed_phrase_as_the_audit_key_is_refused_at_start_naming_the_setting_never_the_value() {
        TestDatabase database = TestDatabase.fresh();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Commands.Outcome refused = withRootLog(
                log,
                () -> Commands.run(
                        null, "server", Commands.configFor(database, PHRASE, "").toString()));

        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.stderr())
                .contains(
                        "refusing to start",
                        "auditKey (DESIST_AUDIT_KEY)",
                        "32 random bytes",
                        "openssl rand -base64 32");
        assertThat(refused.stdout() + refused.stderr()).doesNotContain(PHRASE);
        assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains(PHRASE));
    }

    @Test
    void too_few_random_bytes_are_refused_as_well() {
        byte[] sixteen = new byte[16];
        new SecureRandom().nextBytes(sixteen);
        String shortKey = Base64.getEncoder().encodeToString(sixteen)
                + Base64.getEncoder().encodeToString(sixteen);
        assertThat(RandomKeys.weakness("x")).isPresent();
        assertThat(RandomKeys.weakness("correct horse battery staple, but longer than 32"))
                .isPresent();
        assertThat(RandomKeys.weakness("a".repeat(44))).isPresent();
        assertThat(RandomKeys.weakness(Base64.getEncoder().encodeToString(sixteen)))
                .isPresent();
        assertThat(shortKey).hasSizeGreaterThan(43);
        assertThat(RandomKeys.weakness(shortKey))
                .as("a repeat is no more random than its half")
                .isPresent();
    }

    @Test
    void random_base64_keys_are_accepted_everywhere() {
        for (int i = 0; i < 200; i++) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            assertThat(RandomKeys.weakness(Base64.getEncoder().encodeToString(random)))
                    .isEmpty();
            assertThat(RandomKeys.weakness(
                            Base64.getUrlEncoder().withoutPadding().encodeToString(random)))
                    .isEmpty();
        }
        String key = randomKey();
        assertThat(new Pseudonyms(key).configured()).isTrue();
        assertThat(AuditKeys.of(key, "").current().id()).hasSize(16);

        TestDatabase database = TestDatabase.fresh();
        Commands.Outcome migrated = Commands.run(
                null, "db", "migrate", Commands.configFor(database, key, "").toString());
        assertThat(migrated.succeeded()).as(migrated.toString()).isTrue();
        Commands.Outcome verified = Commands.run(
                null, "audit-verify", Commands.configFor(database, key, "").toString());
        assertThat(verified.succeeded()).as(verified.toString()).isTrue();
    }

    @Test
    void a_typed_pseudonym_key_leaves_the_export_refused_saying_why() {
        Pseudonyms typed = new Pseudonyms(PHRASE);
        assertThat(typed.configured()).isFalse();
        assertThat(typed.problem())
                .contains("32 random bytes", "openssl rand -base64 32")
                .doesNotContain(PHRASE);
    }

    @Test
    void an_old_phrase_among_the_previous_audit_keys_still_verifies_with_a_warning() {
        Logger logger = (Logger) LoggerFactory.getLogger(AuditKeys.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        AuditKeys keys;
        try {
            keys = AuditKeys.of(randomKey(), PHRASE);
        } finally {
            logger.detachAppender(log);
        }
        assertThat(keys.ids()).hasSize(2);
        assertThat(log.list)
                .anyMatch(
                        event -> event.getFormattedMessage().contains("auditPreviousKeys (DESIST_AUDIT_PREVIOUS_KEYS)")
                                && event.getFormattedMessage().contains("only verifies"));
        assertThat(log.list).noneMatch(event -> event.getFormattedMessage().contains(PHRASE));
    }

    @Test
    void the_sqlite_trials_key_file_holds_32_random_bytes() throws Exception {
        Path file = TestDatabase.newSqliteFile();
        DesistConfiguration configuration = new DesistConfiguration();
        configuration.getDatabase().setUrl("jdbc:sqlite:" + file);
        configuration.auditKeys(true);

        String content = Files.readString(Path.of(file.toAbsolutePath() + ".audit-key"), StandardCharsets.UTF_8)
                .strip();
        assertThat(Base64.getDecoder().decode(content)).hasSize(32);
        assertThat(RandomKeys.weakness(content)).isEmpty();
    }
}
