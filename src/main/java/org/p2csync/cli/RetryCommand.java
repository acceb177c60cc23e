package org.p2csync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.AreaOrder;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.FailedRecordRetry;
import org.p2csync.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `retry`: the manual re-run of failed records. Their errors become waiting records, which the next run of their
 * area (`sync --once` or the schedule) re-reads by id first, changed at the source or not.
 */
@Command(name = "retry", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Have the next run of each area re-read its failed records (open errors) by id, e.g. after a"
                + " mapping or the target's reference data was fixed. Changes the state only; safe while a sync runs.")
final class RetryCommand implements Callable<Integer> {
    /** Record keys printed per area; the rest are counted. */
    static final int SHOWN = 10;

    @Option(names = "--area", paramLabel = "NAME", description = "Only this area (repeatable). Default: every area.")
    List<String> areas;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        List<String> mapped = AreaOrder.sort(StatusCommand.mappedAreas(settings.mappingsDir()));
        List<String> chosen = areas == null || areas.isEmpty() ? mapped : areas;
        for (String area : chosen) {
            if (!mapped.contains(area)) {
                throw new ConfigurationException(
                        "unknown area '" + area + "'; mapped areas: " + mapped);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(settings.stateConfig())) {
            FailedRecordRetry retry = state.failedRecordRetry();
            for (String area : chosen) {
                FailedRecordRetry.Scheduled scheduled = retry.schedule(area);
                print(out, area, scheduled);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String area, FailedRecordRetry.Scheduled scheduled) {
        scheduled.describe(SHOWN).forEach(line -> out.printf("%s: %s%n", area, line));
    }
}
