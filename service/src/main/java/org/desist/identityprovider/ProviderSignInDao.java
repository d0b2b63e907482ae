package org.desist.identityprovider;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Sign-ins under way at the provider (migration 0076), keyed by the hash of their state. */
interface ProviderSignInDao {
    record Pending(String browserHash, String nonce, String codeVerifier, String returnTo, Instant startedAt) {}

    @SqlUpdate("INSERT INTO provider_sign_in (state_hash, browser_hash, nonce, code_verifier, return_to, started_at)"
            + " VALUES (:stateHash, :browserHash, :nonce, :codeVerifier, :returnTo, :startedAt)")
    void insert(
            @Bind("stateHash") String stateHash,
            @Bind("browserHash") String browserHash,
            @Bind("nonce") String nonce,
            @Bind("codeVerifier") String codeVerifier,
            @Bind("returnTo") String returnTo,
            @Bind("startedAt") Instant startedAt);

    @SqlQuery("SELECT browser_hash, nonce, code_verifier, return_to, started_at FROM provider_sign_in"
            + " WHERE state_hash = :stateHash")
    @RegisterConstructorMapper(Pending.class)
    Optional<Pending> find(@Bind("stateHash") String stateHash);

    /** 1 for the one caller that takes it; 0 for any other, at the same time or later. */
    @SqlUpdate("DELETE FROM provider_sign_in WHERE state_hash = :stateHash")
    int take(@Bind("stateHash") String stateHash);

    @SqlUpdate("DELETE FROM provider_sign_in WHERE started_at < :before")
    int deleteStartedBefore(@Bind("before") Instant before);
}
