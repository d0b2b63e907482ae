package org.desist.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.desist.audit.AuditChain;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditVerification;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.refusal.StartRefused;

/**
 * {@code audit-verify [--seal-unkeyed-head] config.yml}: walks the audit chain with the configured audit keys;
 * exits non-zero naming the first bad row. With {@code --seal-unkeyed-head}, once, after upgrading a database whose
 * chain was written before the audit key: checks that chain and seals its head with the key.
 */
public class AuditVerifyCommand extends ConfiguredCommand<DesistConfiguration> {

    public AuditVerifyCommand() {
        super("audit-verify", "Check that the audit log is complete and unaltered");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--seal-unkeyed-head")
                .action(Arguments.storeTrue())
                .dest("seal")
                .help("adopt a chain written before the audit key: check it, then seal its head with the key (once,"
                        + " after upgrading; never on a database that has run with a key)");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        AuditKeys keys = configuration.auditKeys(false);
        try (Databases.Opened database = Databases.open(configuration.getDatabase(), false, "audit-verify")) {
            keys.installOn(database.jdbi());
            if (namespace.getBoolean("seal")) {
                AuditVerification.Result adopted = AuditChain.sealUnkeyedHead(database.jdbi());
                System.out.println("Sealed the head of the unkeyed chain (" + adopted.rows() + " rows) with audit key "
                        + keys.current().id());
            }
            AuditVerification.Result result = AuditVerification.walk(database.jdbi());
            if (!result.intact()) {
                throw new AuditVerification.Broken(result.problem());
            }
            System.out.println("Audit log intact: " + result.rows() + " rows, chain head " + result.headHash()
                    + (result.unkeyedRows() == 0
                            ? ""
                            : " (rows 1 to " + result.unkeyedRows() + " were sealed before"
                                    + " the audit key, with SHA-256 only)"));
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        boolean expected = e instanceof AuditVerification.Broken || e instanceof StartRefused;
        cli.getStdErr().println("audit-verify: " + (expected ? e.getMessage() : e.toString()));
    }
}
