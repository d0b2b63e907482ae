package org.desist.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.desist.audit.AuditChain;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.auth.User;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.refusal.Refusal;
import org.desist.user.Account;
import org.desist.user.Accounts;
import org.desist.user.NewAccount;
import org.desist.user.StaffAccounts;

/**
 * {@code add-user --username NAME --role ROLE [--site CODE ...] config.yml}: how the first accounts
 * (the first administrator's above all) come to exist; administrators make the others over the API. Audited
 * as {@link #operator()}. The password is read from standard input (one line) so it never sits in the shell's
 * history or the process list.
 */
public class AddUserCommand extends ConfiguredCommand<DesistConfiguration> {

    public AddUserCommand() {
        super("add-user", "Create a staff account; reads its password from standard input");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--username").required(true).help("login name, lower case");
        subparser
                .addArgument("--role")
                .required(true)
                .action(Arguments.append())
                .choices(EnumSet.allOf(Role.class).stream().map(Role::name).toList())
                .help("role; repeat for more than one");
        subparser
                .addArgument("--site")
                .action(Arguments.append())
                .help("site code whose cases the user works on; repeat for more; none = all sites"
                        + " (programme_lead and admin only)");
        subparser.addArgument("--email").help("where the user's alerts are emailed (optional)");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        List<String> roleNames = namespace.getList("role");
        List<String> siteCodes = namespace.getList("site");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(name -> roles.add(Role.valueOf(name)));
        Set<String> sites = siteCodes == null ? Set.of() : new LinkedHashSet<>(siteCodes);
        String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();

        try (Databases.Opened database =
                Databases.open(configuration.getDatabase(), configuration.isMigrateOnStart(), "add-user")) {
            // the account's creation is an audit row: sealed as the server seals, with the key file made here
            // when add-user is the first thing ever run on a SQLite database
            AuditChain.requireSealedHead(
                    database.jdbi(), configuration.auditKeys(true).installOn(database.jdbi()));
            Accounts accounts = StaffAccounts.forCommandLine(database.jdbi(), Clock.systemUTC());
            Account account = accounts.create(
                    new NewAccount(namespace.getString("username"), roles, sites, namespace.getString("email")),
                    password,
                    operator());
            System.out.println("Created user '" + account.username() + "' with roles " + account.roles()
                    + (account.sites().isEmpty() ? " for all sites" : " for sites " + account.sites()));
        }
    }

    /**
     * Who the audit row names: the command line and the operating-system account that ran it ({@code cli:deploy}).
     * No staff account acted, so the row's role is empty; ':' cannot occur in a username, so it is never one.
     */
    static Caller operator() {
        String osUser = System.getProperty("user.name", "unknown");
        return new Caller(new User("cli:" + osUser, Set.of(), Set.of()), "add-user-" + UUID.randomUUID(), null, null);
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr()
                .println("add-user: "
                        + (e instanceof Refusal || e instanceof IllegalArgumentException
                                ? e.getMessage()
                                : e.toString()));
    }
}
