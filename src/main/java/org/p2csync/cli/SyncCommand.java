package org.p2csync.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Endpoints;
import org.p2csync.app.RouteFiles;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.app.SyncRuntime;
import org.p2csync.flow.RunSummary;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.state.StateStore;
import org.p2csync.sandbox.SandboxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `sync`: run every area (or the ones named) once, or continuously on their schedules. */
@Command(name = "sync", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Synchronise the areas of routes/ between the configured CRM and ERP (or the built-in sandbox"
                + " kept in the data folder when no URLs are set).")
final class SyncCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SyncCommand.class);

    @Option(names = "--once", description = "Run each area once, in dependency order, then exit.")
    boolean once;

    @Option(names = "--area", paramLabel = "NAME", description = "Only this area (repeatable). Default: every area.")
    List<String> areas = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the runs (with --once).")
    Path report;

    @Override
    public Integer call() throws Exception {
        if (report != null && !once) {
            throw new ConfigurationException("--report needs --once");
        }
        if (!areas.isEmpty() && !once) {
            throw new ConfigurationException("--area needs --once; to leave an area out of continuous sync, remove"
                    + " its file from routes/");
        }
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        RouteFiles.require(settings.routesDir());
        // first: a second sync on the same state stops here, before it starts the built-in sandbox the first one uses
        StateStore state = StateStore.openForSync(settings.stateConfig());
        Sandbox sandbox = null;
        try {
            Endpoints endpoints;
            if (settings.usesSandbox()) {
                Path dir = BuiltInSandbox.folder(settings);
                LOG.info("no p2c.crm.url / p2c.erp.url set: syncing against the built-in sandbox in {}", dir);
                // the product's own stand-in for a fresh org: set up by p2c-sync's setup before anything syncs
                sandbox = BuiltInSandbox.startSetUp(settings, SandboxOptions.defaults(dir));
                endpoints = SandboxEndpoints.of(sandbox);
            } else {
                endpoints = new Endpoints(settings.crm().orElseThrow(), settings.erp().orElseThrow());
            }
            StateStore taken = state;
            state = null; // the runtime closes it from here on
            if (once) {
                return runOnce(settings, taken, endpoints);
            }
            runContinuously(settings, taken, endpoints);
        } finally {
            if (state != null) {
                state.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
        // the last line of a continuous sync stopped by Ctrl-C or SIGTERM: everything is closed
        LOG.info("p2c-sync stopped");
        return 0;
    }

    private int runOnce(Settings settings, StateStore state, Endpoints endpoints) throws Exception {
        try (SyncRuntime runtime = SyncRuntime.start(settings, state, endpoints, false, List.of())) {
            List<String> selected = areas.isEmpty() ? runtime.areas() : ordered(runtime.areas(), areas);
            List<RunSummary> runs = new ArrayList<>();
            for (String area : selected) {
                RunSummary summary = runtime.runOnce(area);
                LOG.info("{}", summary.describe());
                runs.add(summary);
            }
            RunReport result = new RunReport(runs);
            if (report != null) {
                result.write(report);
                LOG.info("report written to {}", report.toAbsolutePath());
            }
            return result.allCompleted() ? 0 : Failures.RECORDS_FAILED;
        }
    }

    private static List<String> ordered(List<String> known, List<String> asked) {
        for (String area : asked) {
            if (!known.contains(area)) {
                throw new ConfigurationException("--area " + area + ": no such area; areas with a route: " + known);
            }
        }
        return known.stream().filter(asked::contains).toList();
    }

    private void runContinuously(Settings settings, StateStore state, Endpoints endpoints) throws Exception {
        try (SyncRuntime runtime = SyncRuntime.start(settings, state, endpoints, true,
                List.of(s -> LOG.info("{}", s.describe())))) {
            UntilStopped.await();
        }
    }
}
