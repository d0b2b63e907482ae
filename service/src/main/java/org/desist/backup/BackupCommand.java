package org.desist.backup;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import java.util.stream.Collectors;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.desist.config.DesistConfiguration;

/**
 * {@code backup --to FILE config.yml}: a consistent copy of the SQLite database, taken while the service
 * runs, then opened and checked. Refuses to overwrite anything, and refuses PostgreSQL (pg_dump's job).
 */
public class BackupCommand extends ConfiguredCommand<DesistConfiguration> {

    public BackupCommand() {
        super("backup", "Copy the SQLite database while the service runs, then check the copy");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("--to")
                .required(true)
                .metavar("FILE")
                .help("the copy to write: a new file in an existing folder (never overwritten)");
    }

    @Override
    protected void run(Bootstrap<DesistConfiguration> bootstrap, Namespace namespace, DesistConfiguration configuration)
            throws Exception {
        OnlineCopy.Made copy = OnlineCopy.make(configuration.getDatabase(), Path.of(namespace.getString("to")));
        String rows = copy.rows().entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey() + " rows")
                .collect(Collectors.joining(", "));
        System.out.printf("Backed up to %s: %,d bytes, %s%n", copy.file(), copy.bytes(), rows);
        System.out.println("integrity_check: " + copy.integrity());
        if (!copy.intact()) {
            throw new OnlineCopy.Refused("the copy " + copy.file() + " failed its integrity check and must not be"
                    + " relied on; check the live database too (PRAGMA integrity_check)");
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        cli.getStdErr()
                .println("backup: "
                        + (e instanceof OnlineCopy.Refused || e instanceof IllegalArgumentException
                                ? e.getMessage()
                                : e.toString()));
    }
}
