package org.p2csync.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Endpoints;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.app.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `validate`: the routes and mappings against both services' metadata, syncing nothing and opening no state. */
@Command(name = "validate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Check the routes and mappings against both services' $metadata (or, with --offline, against"
                + " the real schemas shipped in the jar) without syncing, without a state database and without"
                + " creating the data folder. Prints each problem as file:line: message; exit 0 when there is none,"
                + " 1 otherwise.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--offline", description = "Check against the shipped real schemas: no service, no network.")
    boolean offline;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        Validation.Report report;
        if (offline) {
            report = Validation.offline(settings);
        } else if (settings.usesSandbox()) {
            // the built-in sandbox lives in the data folder, which validate must not create; and a misspelled URL key
            // must not quietly validate against a stand-in
            throw new ConfigurationException("validate checks against the configured services, and no p2c.crm.url /"
                    + " p2c.erp.url is set: set them, or run validate --offline to check against the real schemas"
                    + " shipped in the jar");
        } else {
            report = Validation.live(settings, new Endpoints(settings.crm().orElseThrow(), settings.erp().orElseThrow()));
        }
        report.print(spec.commandLine().getOut());
        return report.exitCode();
    }
}
