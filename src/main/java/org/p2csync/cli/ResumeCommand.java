package org.p2csync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.AreaPause;
import org.p2csync.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `resume`: end an area's pause; its next run reads from the cursor it stopped at. */
@Command(name = "resume", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Resume a paused area (paused by `pause` or by its alert rule): its next run reads everything"
                + " changed since its cursor, i.e. while it was paused. Failures before the resume no longer count"
                + " for the alert rule. Changes the state only; safe while a sync runs.")
final class ResumeCommand implements Callable<Integer> {
    @Option(names = "--area", paramLabel = "NAME", required = true, description = "The area to resume.")
    String area;

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
            Optional<AreaPause> ended = state.pauses().resume(area);
            if (ended.isPresent()) {
                out.printf("%s: resumed (was paused %s); the next run catches up from its cursor%n", area,
                        ended.get().describe());
            } else {
                out.printf("%s: not paused%n", area);
            }
        }
        out.flush();
        return 0;
    }
}
