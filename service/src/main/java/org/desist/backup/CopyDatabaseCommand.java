package org.desist.backup;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.sql.Connection;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditVerification;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.db.Dialect;

/**
 * {@code copy-database --to-url URL [--to-user USER] config.yml}: moves everything from the configured
 * database into a new, empty one (migrated first), then walks the audit chain on the target and
 * requires the same head as the source's. The target's password is read from
 * {@code DESIST_TARGET_DB_PASSWORD}, never from the command line, where other users could see it.
 */
public class CopyDatabaseCommand extends ConfiguredCommand<DesistConfiguration> {
    static final String PASSWORD_VARIABLE = "DESIST_TARGET_DB_PASSWORD";

    public CopyDatabaseCommand() {
        super(
                "copy-database",
                "Copy every table, audit log included, into a new empty database (SQLite or"
                        + " PostgreSQL); stop the service first");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--to-url")
                .required(true)
                .help("JDBC URL of the target: jdbc:postgresql://host:5432/desist or jdbc:sqlite:file");
        subparser.addArgument("--to-user").help("the target's database user (password from " + PASSWORD_VARIABLE + ")");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        DataSourceFactory targetFactory = new DataSourceFactory();
        targetFactory.setUrl(namespace.getString("to_url"));
        targetFactory.setUser(namespace.getString("to_user"));
        targetFactory.setPassword(System.getenv(PASSWORD_VARIABLE));
        Dialect.of(targetFactory); // refuses an unknown database before anything is opened
        if (targetFactory.getUrl().equals(configuration.getDatabase().getUrl())) {
            throw new DatabaseCopy.Refused("the target is the configured database itself");
        }

        AuditKeys keys = configuration.auditKeys(false); // the copy's chain verifies with the source's keys
        try (Databases.Opened source = Databases.open(configuration.getDatabase(), false, "copy-source");
                Databases.Opened target = Databases.open(targetFactory, true, "copy-target")) {
            keys.installOn(source.jdbi());
            keys.installOn(target.jdbi());
            AuditVerification.Result before = AuditVerification.walk(source.jdbi());
            if (!before.intact()) {
                throw new DatabaseCopy.Refused(
                        "the source's " + before.problem() + "; run audit-verify and resolve" + " that before copying");
            }
            DatabaseCopy.Copied copied;
            try (Connection from = source.dataSource().getConnection();
                    Connection to = target.dataSource().getConnection()) {
                try {
                    copied = new DatabaseCopy(from, to).run();
                } finally { // back to the pool as they came: the walks below take them again
                    from.setAutoCommit(true);
                    to.setAutoCommit(true);
                }
            }
            AuditVerification.Result after = AuditVerification.walk(target.jdbi());
            if (!after.intact() || !after.headHash().equals(before.headHash())) {
                throw new IllegalStateException("the copy's audit chain does not match the source's: " + after);
            }
            long total = 0;
            for (Map.Entry<String, Long> table : copied.rows().entrySet()) {
                System.out.printf("%-32s %,12d%n", table.getKey(), table.getValue());
                total += table.getValue();
            }
            System.out.printf(
                    "Copied %,d rows in %d tables to %s.%n",
                    total,
                    copied.rows().size(),
                    Dialect.of(targetFactory).name().toLowerCase(java.util.Locale.ROOT));
            System.out.println("Audit log intact on the target: " + after.rows() + " rows, chain head "
                    + after.headHash() + " (the source's)");
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        boolean expected = e instanceof DatabaseCopy.Refused
                || e instanceof IllegalArgumentException
                || e instanceof org.desist.refusal.StartRefused;
        cli.getStdErr().println("copy-database: " + (expected ? e.getMessage() : e.toString()));
    }
}
