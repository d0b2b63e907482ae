package org.desist.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.desist.config.DesistConfiguration;
import org.desist.db.Databases;
import org.desist.synthetic.SyntheticProgramme;

/**
 * {@code seed --participants N [--seed S] config.yml}: fills an empty database with a deterministic
 * synthetic programme for demonstrations and benchmarks. Refuses a database holding real participants.
 */
public class SeedCommand extends ConfiguredCommand<DesistConfiguration> {

    public SeedCommand() {
        super("seed", "Fill an empty database with a synthetic programme (demonstrations and benchmarks only)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--participants")
                .required(true)
                .type(Integer.class)
                .help("how many synthetic participants to refer (about 50 sessions each)");
        subparser
                .addArgument("--seed")
                .type(Long.class)
                .setDefault(1L)
                .help("the random seed: the same seed and participants give the same database");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        int participants = namespace.getInt("participants");
        long seed = namespace.getLong("seed");
        long started = System.nanoTime();
        try (Databases.Opened database = Databases.open(configuration.getDatabase(), true, "seed")) {
            SyntheticProgramme.Summary summary = SyntheticProgramme.seed(database.jdbi(), participants, seed);
            System.out.printf(
                    "Seeded a SYNTHETIC programme (seed %d): %d participants, %d cohorts, %d sessions,"
                            + " %d rows in %.1f s%n",
                    seed,
                    summary.participants(),
                    summary.cohorts(),
                    summary.sessions(),
                    summary.rows(),
                    (System.nanoTime() - started) / 1e9);
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr()
                .println("seed: "
                        + (e instanceof SyntheticProgramme.Refused || e instanceof IllegalArgumentException
                                ? e.getMessage()
                                : e.toString()));
    }
}
