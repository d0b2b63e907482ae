package org.desist.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.session.TotalsVerification;

/**
 * {@code verify-totals config.yml}: recounts the attendance totals from the sessions and prints every row
 * where the running totals differ; exits non-zero when any does. Reads only, in one snapshot, so it may run
 * beside a live service.
 */
public class VerifyTotalsCommand extends ConfiguredCommand<DesistConfiguration> {

    public VerifyTotalsCommand() {
        super("verify-totals", "Check the running attendance totals against a recount of the sessions");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        try (Databases.Opened database = Databases.open(configuration.getDatabase(), false, "verify-totals")) {
            List<TotalsVerification.Mismatch> mismatches = TotalsVerification.check(database.jdbi());
            mismatches.forEach(System.out::println);
            if (!mismatches.isEmpty()) {
                throw new Drifted(mismatches.size());
            }
            System.out.println("Attendance totals equal a recount of the sessions");
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr().println("verify-totals: " + (e instanceof Drifted ? e.getMessage() : e.toString()));
    }

    static final class Drifted extends Exception {
        Drifted(int rows) {
            super(rows + " rows of attendance totals differ from a recount of the sessions");
        }
    }
}
