package org.desist.cli;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;
import org.desist.config.DesistConfiguration;
import org.desist.refusal.StartRefused;

/** {@code server config.yml}, as Dropwizard runs it; a refusal to start is one line on standard error, not a trace. */
public class ServeCommand extends ServerCommand<DesistConfiguration> {

    public ServeCommand(Application<DesistConfiguration> application) {
        super(application);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof StartRefused) {
            cli.getStdErr().println("desist: refusing to start: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
