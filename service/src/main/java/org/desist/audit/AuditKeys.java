package org.desist.audit;

import io.dropwizard.db.DataSourceFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.desist.crypto.RandomKeys;
import org.desist.db.Dialect;
import org.desist.db.SqliteDatabase;
import org.desist.refusal.StartRefused;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.Configurable;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the audit chain: the current one, which seals every new row and the head, and previous ones,
 * which still verify the rows they sealed before a rotation. Carried by each Jdbi that writes or checks the
 * chain, so {@link AuditChain#append} keeps the signature every caller already uses.
 */
public final class AuditKeys {
    private static final Logger LOG = LoggerFactory.getLogger(AuditKeys.class);
    private static final String PREVIOUS = "auditPreviousKeys (DESIST_AUDIT_PREVIOUS_KEYS)";
    private final AuditKey current;
    private final Map<String, AuditKey> byId;
    private final boolean keyFileCreated;

    private AuditKeys(AuditKey current, Collection<AuditKey> previous, boolean keyFileCreated) {
        this.current = current;
        this.keyFileCreated = keyFileCreated;
        this.byId = new LinkedHashMap<>();
        byId.put(current.id(), current);
        previous.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    /** The current key and any previous ones, comma-separated; blank previous keys are none. */
    public static AuditKeys of(String current, String previous) {
        return new AuditKeys(AuditKey.of(current, "auditKey (DESIST_AUDIT_KEY)"), previous(previous), false);
    }

    /**
     * The deployment's keys: {@code auditKey} when set; otherwise, for a SQLite file only, the key file beside it
     * (created on first use when {@code createKeyFile}); otherwise a refusal, since a database server's data
     * must not share a host, a backup or an account with the key that seals its audit log.
     */
    public static AuditKeys load(
            String configured, String previousKeys, DataSourceFactory database, boolean createKeyFile) {
        Collection<AuditKey> previous;
        try {
            previous = previous(previousKeys);
            if (configured != null && !configured.isBlank()) {
                return new AuditKeys(AuditKey.of(configured, "auditKey (DESIST_AUDIT_KEY)"), previous, false);
            }
        } catch (IllegalArgumentException e) {
            throw new StartRefused(e.getMessage());
        }
        Optional<AuditKeyFile> file = Dialect.of(database) == Dialect.SQLITE
                ? SqliteDatabase.file(database.getUrl()).map(AuditKeyFile::beside)
                : Optional.empty();
        if (file.isEmpty()) {
            throw new StartRefused("DESIST_AUDIT_KEY (auditKey) is not set: a PostgreSQL deployment needs the audit"
                    + " key, base64 of at least " + RandomKeys.MIN_BYTES + " random bytes, from its environment ("
                    + RandomKeys.HOW_TO_MAKE_ONE + "; see docs/operations.md, \"The audit key\")");
        }
        AuditKeyFile.Loaded loaded = file.get().load(createKeyFile);
        return new AuditKeys(loaded.key(), previous, loaded.created());
    }

    private static Collection<AuditKey> previous(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of();
        }
        return Arrays.stream(keys.split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .map(AuditKeys::previousKey)
                .toList();
    }

    /** A previous key verifies only, so one of the older kind is taken, with a warning (never showing it). */
    private static AuditKey previousKey(String text) {
        AuditKey key = AuditKey.previous(text, PREVIOUS);
        if (!AuditKey.random(text)) {
            LOG.warn(
                    "{} holds {}, which is not a random key of 256 bits (a typed phrase, or too short): it only verifies"
                            + " the rows it sealed, so it is accepted; new rows are sealed with auditKey",
                    PREVIOUS,
                    key);
        }
        return key;
    }

    public AuditKey current() {
        return current;
    }

    /** The key with this id, if it is the current one or one of the previous ones. */
    public Optional<AuditKey> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The ids of every key this deployment knows, current first: what a refusal may name. */
    public Collection<String> ids() {
        return byId.keySet();
    }

    /** True when this start created the key file: the first start with a key on this SQLite database. */
    public boolean keyFileCreated() {
        return keyFileCreated;
    }

    /** Gives a Jdbi (and every handle it opens) these keys. */
    public AuditKeys installOn(Jdbi jdbi) {
        jdbi.getConfig(Config.class).keys = this;
        return this;
    }

    /** The keys a handle's Jdbi was given; a Jdbi without them must not touch the chain. */
    static AuditKeys on(Configurable<?> handleOrJdbi) {
        AuditKeys keys = handleOrJdbi.getConfig(Config.class).keys;
        if (keys == null) {
            throw new IllegalStateException("No audit keys on this database: call AuditKeys.load(...).installOn(jdbi)");
        }
        return keys;
    }

    /** Where a Jdbi keeps its keys. */
    public static final class Config implements JdbiConfig<Config> {
        private AuditKeys keys;

        public Config() {}

        private Config(AuditKeys keys) {
            this.keys = keys;
        }

        @Override
        public Config createCopy() {
            return new Config(keys);
        }
    }
}
