package org.desist.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads what authentication needs: the account, its hash, roles and sites. */
public interface Credentials {

    record Account(String username, String passwordHash, boolean disabled) {
    }

    @SqlQuery("SELECT username, password_hash, disabled FROM app_user WHERE username = :username")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Account.class)
    Optional<Account> account(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_role WHERE username = :username")
    List<Role> roles(@Bind("username") String username);

    @SqlQuery("SELECT site_code FROM user_site WHERE username = :username")
    List<String> sites(@Bind("username") String username);

    /** Empty unless the password is temporary; then its expiry (a missing one reads as expired). */
    @SqlQuery("SELECT password_expires_at FROM app_user WHERE username = :username AND must_change_password = 1")
    List<Instant> temporaryPasswordUntil(@Bind("username") String username);

    default User user(String username) {
        List<Instant> temporary = temporaryPasswordUntil(username);
        Instant temporaryUntil = temporary.isEmpty() ? null : temporary.get(0) == null ? Instant.EPOCH : temporary.get(0);
        return new User(username, Set.copyOf(roles(username)), sites(username).stream().collect(Collectors.toSet()),
                temporaryUntil);
    }
}
