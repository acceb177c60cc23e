package org.p2csync.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Endpoints;
import org.p2csync.app.PlanRunner;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.sandbox.Sandbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `plan`: a dry run of the areas, printing what a sync would create, update or delete, field by field. */
@Command(name = "plan", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Dry run: read the sources as a sync would, from the stored cursors, map, and print per record"
                + " whether it would be created, updated or deleted, field by field against the target's current"
                + " values (unchanged records are counted). Writes nothing to the CRM, the ERP or the state.")
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--area", paramLabel = "NAME", description = "Only this area (repeatable). Default: every area.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Records compared with the target and listed per area (default: ${DEFAULT-VALUE}); the rest"
                    + " are counted.")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new ConfigurationException("--limit " + limit + ": must be at least 1");
        }
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        if (!settings.usesSandbox()) {
            return plan(settings, new Endpoints(settings.crm().orElseThrow(), settings.erp().orElseThrow()));
        }
        Path folder = BuiltInSandbox.folder(settings);
        if (!Files.isDirectory(folder)) {
            // opening it would create it, and set-up writes to it: a plan of nothing is no plan
            throw new ConfigurationException("no p2c.crm.url / p2c.erp.url set and no built-in sandbox in " + folder
                    + " yet: set the URLs, or run sync first");
        }
        try (Sandbox sandbox = BuiltInSandbox.open(settings)) {
            return plan(settings, SandboxEndpoints.of(sandbox));
        }
    }

    private int plan(Settings settings, Endpoints endpoints) throws Exception {
        PlanRunner.Planned planned = PlanRunner.plan(settings, endpoints, areas, limit);
        planned.report().print(spec.commandLine().getOut(), planned.areas());
        return planned.complete() ? 0 : Failures.USAGE;
    }
}
