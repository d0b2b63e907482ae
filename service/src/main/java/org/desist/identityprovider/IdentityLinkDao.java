package org.desist.identityprovider;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Which provider subject signs in as which account (migration 0076). */
interface IdentityLinkDao {

    @SqlQuery("SELECT username, issuer, subject, linked_at, linked_by FROM identity_link WHERE username = :username")
    @RegisterConstructorMapper(IdentityLink.class)
    Optional<IdentityLink> ofAccount(@Bind("username") String username);

    @SqlQuery("SELECT username FROM identity_link WHERE issuer = :issuer AND subject = :subject")
    Optional<String> accountOf(@Bind("issuer") String issuer, @Bind("subject") String subject);

    @SqlUpdate("DELETE FROM identity_link WHERE username = :username")
    int delete(@Bind("username") String username);

    @SqlUpdate("INSERT INTO identity_link (username, issuer, subject, linked_at, linked_by)"
            + " VALUES (:username, :issuer, :subject, :linkedAt, :linkedBy)")
    void insert(
            @Bind("username") String username,
            @Bind("issuer") String issuer,
            @Bind("subject") String subject,
            @Bind("linkedAt") Instant linkedAt,
            @Bind("linkedBy") String linkedBy);

    /**
     * Every session and token of the account ends, as with any change to how it signs in: a session begun
     * through the old subject must not outlive the link.
     */
    @SqlUpdate(
            "UPDATE app_user SET credential_version = credential_version + 1, updated_at = :at WHERE username = :username")
    int moveCredentialVersion(@Bind("username") String username, @Bind("at") Instant at);
}
