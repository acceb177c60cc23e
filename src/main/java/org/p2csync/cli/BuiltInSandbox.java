package org.p2csync.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Settings;
import org.p2csync.app.SetupRunner;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.setup.SetupReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The product's own sandbox, in {@code <p2c.data>/sandbox}, used when no service URLs are configured. It starts as a
 * fresh Sales org (no alternate keys, no p2c_ columns) and is set up by p2c-sync's own setup, through its metadata
 * Web API, before anything syncs with it: the demo and {@code sync} without URLs run that first.
 */
final class BuiltInSandbox {
    private static final Logger LOG = LoggerFactory.getLogger(BuiltInSandbox.class);

    private BuiltInSandbox() {}

    static Path folder(Settings settings) {
        return settings.dataDir().resolve("sandbox");
    }

    /** The built-in sandbox as it is, for {@code setup} itself. */
    static Sandbox open(Settings settings) throws IOException {
        return Sandbox.start(SandboxOptions.defaults(folder(settings)));
    }

    /** Starts a sandbox and runs setup on it; a setup that leaves something missing stops here, with its report. */
    static Sandbox startSetUp(Settings settings, SandboxOptions options) throws IOException {
        Sandbox sandbox = Sandbox.start(options);
        try {
            SetupReport report = SetupRunner.run(settings, SandboxEndpoints.of(sandbox), false);
            if (!report.changedNothing()) {
                report.lines(false).forEach(line -> LOG.info("sandbox setup: {}", line));
            } else {
                LOG.info("sandbox setup: {}", report.summary());
            }
            if (report.exitCode() != 0) {
                throw new ConfigurationException("setup of the built-in sandbox in " + options.dataDir() + " did not"
                        + " complete: " + report.summary() + " (see the lines above)");
            }
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }
}
