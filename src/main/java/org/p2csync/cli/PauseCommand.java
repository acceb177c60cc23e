package org.p2csync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.PausedBy;
import org.p2csync.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `pause`: stop an area's runs, in every instance, until `resume`; its cursor stays so nothing is missed. */
@Command(name = "pause", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Pause an area: from its next run on, in every instance sharing the state, its runs read"
                + " nothing (recorded as Paused) and its cursor stays, so `resume` catches up everything changed"
                + " meanwhile. Changes the state only; safe while a sync runs.")
final class PauseCommand implements Callable<Integer> {
    @Option(names = "--area", paramLabel = "NAME", required = true, description = "The area to pause.")
    String area;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "paused by an operator",
            description = "Why, for `status` and the log (default: ${DEFAULT-VALUE}).")
    String reason;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        MappedAreas.chosen(settings, area);
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(settings.stateConfig())) {
            if (state.pauses().pause(area, PausedBy.OPERATOR, reason)) {
                out.printf("%s: paused %s; its runs read nothing until `resume --area %s`%n", area,
                        state.pauses().current(area).orElseThrow().describe(), area);
            } else {
                out.printf("%s: already paused %s%n", area, state.pauses().current(area).orElseThrow().describe());
            }
        }
        out.flush();
        return 0;
    }
}
