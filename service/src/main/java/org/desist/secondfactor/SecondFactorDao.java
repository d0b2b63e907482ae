package org.desist.secondfactor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The second_factor and recovery_code tables (0075). */
public interface SecondFactorDao {

    /** An account's row: the confirmed secret (null before the first confirmation), the pending one, the last step. */
    record Factor(String secret, String pendingSecret, long lastStep) {
        boolean confirmed() {
            return secret != null;
        }
    }

    @SqlQuery("SELECT secret, pending_secret, last_step FROM second_factor WHERE username = :username")
    @RegisterConstructorMapper(Factor.class)
    Optional<Factor> find(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM second_factor WHERE username = :username AND secret IS NOT NULL")
    int confirmedCount(@Bind("username") String username);

    @SqlUpdate("INSERT INTO second_factor (username, pending_secret, updated_at) VALUES (:username, :pending, :at)")
    void insertPending(@Bind("username") String username, @Bind("pending") String pending, @Bind("at") Instant at);

    @SqlUpdate("UPDATE second_factor SET pending_secret = :pending, updated_at = :at WHERE username = :username")
    int setPending(@Bind("username") String username, @Bind("pending") String pending, @Bind("at") Instant at);

    /**
     * The pending secret becomes the account's, if it is still the one the code was checked against; the step
     * of the confirming code is spent with it.
     */
    @SqlUpdate("UPDATE second_factor SET secret = pending_secret, pending_secret = NULL, confirmed_at = :at,"
            + " last_step = :step, updated_at = :at WHERE username = :username AND pending_secret = :pending")
    int confirm(
            @Bind("username") String username,
            @Bind("pending") String pending,
            @Bind("step") long step,
            @Bind("at") Instant at);

    /** Spends a step: 1 if no code of this step or a later one was accepted before, on any instance; else 0. */
    @SqlUpdate("UPDATE second_factor SET last_step = :step, updated_at = :at"
            + " WHERE username = :username AND secret = :secret AND last_step < :step")
    int spend(
            @Bind("username") String username,
            @Bind("secret") String secret,
            @Bind("step") long step,
            @Bind("at") Instant at);

    @SqlUpdate("DELETE FROM second_factor WHERE username = :username")
    int delete(@Bind("username") String username);

    /** A recovery code as kept: its hash only. */
    record RecoveryCode(String id, String codeHash) {}

    @SqlQuery("SELECT id, code_hash FROM recovery_code WHERE username = :username AND used_at IS NULL ORDER BY id")
    @RegisterConstructorMapper(RecoveryCode.class)
    List<RecoveryCode> unusedCodes(@Bind("username") String username);

    @SqlUpdate("INSERT INTO recovery_code (id, username, code_hash, created_at) VALUES (:id, :username, :hash, :at)")
    void insertCode(
            @Bind("id") String id,
            @Bind("username") String username,
            @Bind("hash") String hash,
            @Bind("at") Instant at);

    /** Spends a recovery code: 1 if it was unused, 0 if another request spent it first. */
    @SqlUpdate("UPDATE recovery_code SET used_at = :at WHERE id = :id AND used_at IS NULL")
    int spendCode(@Bind("id") String id, @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM recovery_code WHERE username = :username AND used_at IS NULL")
    int codesLeft(@Bind("username") String username);

    @SqlUpdate("DELETE FROM recovery_code WHERE username = :username")
    int deleteCodes(@Bind("username") String username);
}
