package org.p2csync.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.Endpoints;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.app.SetupRunner;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.setup.SetupReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `setup`: bring the CRM to what the mappings need (p2c_ columns, alternate keys), or only report it. */
@Command(name = "setup", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Create the p2c_ columns and alternate keys the mappings need in the CRM (Dataverse metadata Web"
                + " API), wait for the keys' indexes, check the mappings against both services' $metadata and list"
                + " what to set up by hand. Exit 0 when the CRM has everything, 1 otherwise.")
final class SetupCommand implements Callable<Integer> {
    @Option(names = "--check", description = "Only report what is there and what is missing; change nothing.")
    boolean check;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        if (!settings.usesSandbox()) {
            return report(settings, new Endpoints(settings.crm().orElseThrow(), settings.erp().orElseThrow()));
        }
        try (Sandbox sandbox = BuiltInSandbox.open(settings)) {
            return report(settings, SandboxEndpoints.of(sandbox));
        }
    }

    private int report(Settings settings, Endpoints endpoints) {
        SetupReport report = SetupRunner.run(settings, endpoints, check);
        report.print(spec.commandLine().getOut());
        return report.exitCode();
    }
}
