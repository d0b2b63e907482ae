package org.desist.user;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import java.time.Duration;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.audit.ReadAuditWriter;
import org.desist.secondfactor.AdministeredChange;
import org.desist.secondfactor.SecondFactors;
import org.desist.signin.SignInThrottle;
import org.jdbi.v3.core.Jdbi;

/** The accounts part of the service, wired in one place: administration, self-service, ending a token. */
public final class StaffAccounts {
    private StaffAccounts() {}

    /** The accounts' services, for the API's resources and the screens alike. */
    public record Services(Accounts accounts, OwnAccount own, AccountTokens tokens, SecondFactors secondFactors) {}

    /** Nothing to tell the sign-in side: every instance checks each request against the credential version. */
    public static Services register(
            JerseyEnvironment jersey,
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            Duration temporaryPasswordLifetime,
            SignInThrottle throttle,
            SecondFactors secondFactors) {
        AccountChange changes = new AccountChange(jdbi, clock, audit);
        AccountTokens tokens = new AccountTokens(jdbi, changes, audit);
        Accounts accounts = new Accounts(jdbi, changes, audit, temporaryPasswordLifetime);
        OwnAccount own = new OwnAccount(jdbi, changes, audit, throttle, secondFactors);
        jersey.register(new AccountResource(accounts, tokens, secondFactors));
        jersey.register(new MyAccountResource(own, tokens));
        jersey.register(new TokenRevocationResource(tokens));
        return new Services(accounts, own, tokens, secondFactors);
    }

    /** How the second factor's reset is made: as every administrator's change to an account ({@link AccountChange}). */
    public static AdministeredChange administeredChange(Jdbi jdbi, Clock clock, AuditLog audit) {
        AccountChange changes = new AccountChange(jdbi, clock, audit);
        return (admin, username, action, change) ->
                changes.apply(admin, username, action, Outcome.CHANGED, (handle, accounts) -> {
                    change.accept(handle);
                    return null;
                });
    }

    /** For add-user, which only creates: its audit rows are appended in the creating transaction. */
    public static Accounts forCommandLine(Jdbi jdbi, Clock clock) {
        AuditLog audit = new AuditLog(clock, new ReadAuditWriter(jdbi));
        return new Accounts(jdbi, new AccountChange(jdbi, clock, audit), audit, Duration.ZERO);
    }
}
