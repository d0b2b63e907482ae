package org.desist.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.desist.DesistConfiguration;
import org.desist.audit.AuditVerification;
import org.desist.db.Databases;

/** {@code audit-verify config.yml}: walks the audit chain; exits non-zero naming the first bad row. */
public class AuditVerifyCommand extends ConfiguredCommand<DesistConfiguration> {

    public AuditVerifyCommand() {
        super("audit-verify", "Check that the audit log is complete and unaltered");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        try (Databases.Opened database = Databases.open(configuration.getDatabase(), false, "audit-verify")) {
            AuditVerification.Result result = AuditVerification.walk(database.jdbi());
            if (!result.intact()) {
                throw new AuditVerification.Broken(result.problem());
            }
            System.out.println("Audit log intact: " + result.rows() + " rows, chain head " + result.headHash());
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr().println("audit-verify: " + (e instanceof AuditVerification.Broken ? e.getMessage() : e.toString()));
    }
}
