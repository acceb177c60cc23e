package org.p2csync.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.RouteFiles;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.app.SyncRuntime;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo: an in-process sandbox with live activity, set up by p2c-sync's setup as a fresh org would be, then every
 * area of routes/ synced on its schedule, a summary per run in the log. Nothing to install or configure.
 */
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Override
    public Integer call() throws Exception {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.empty());
        RouteFiles.require(settings.routesDir());
        Path dir = BuiltInSandbox.folder(settings);
        // a fresh org, set up by p2c-sync's own setup (its first run creates the columns and keys; later ones find them)
        SandboxOptions options = SandboxOptions.defaults(dir).withActivity(true).withActivityEvery(Duration.ofSeconds(5));
        // first: a second demo on the same folder stops here, naming the first, before touching its sandbox
        StateStore state = StateStore.openForSync(settings.stateConfig());
        try (Sandbox sandbox = startSetUp(settings, options, state)) {
            LOG.info("demo: sandbox CRM at {} and ERP at {} (data in {}), with live CRM activity", sandbox.crmUrl(),
                    sandbox.erpUrl(), dir.toAbsolutePath());
            try (SyncRuntime runtime = SyncRuntime.start(settings, state, SandboxEndpoints.of(sandbox), true,
                    List.of(s -> LOG.info("{}", s.describe())))) {
                LOG.info("demo: syncing {} continuously; Ctrl-C stops", runtime.areas());
                UntilStopped.await();
            }
        }
        LOG.info("p2c-sync stopped");
        return 0;
    }

    private static Sandbox startSetUp(Settings settings, SandboxOptions options, StateStore state) throws Exception {
        try {
            return BuiltInSandbox.startSetUp(settings, options);
        } catch (Exception | Error e) {
            state.close();
            throw e;
        }
    }
}
