package org.p2csync.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;
import org.p2csync.sync.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `history`: the past runs of each area, newest first, from the state's run history. */
@Command(name = "history", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "List the past runs of each area, newest first: start, end, duration, outcome (Completed,"
                + " Warning, Error, Paused, or Running), counts and requests. Reads the state only.")
final class HistoryCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 20;

    @Option(names = "--area", paramLabel = "NAME", description = "Only this area. Default: every area of mappings/.")
    String area;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
            description = "At most N runs per area (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit " + limit + ": at least 1");
        }
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        List<String> areas = MappedAreas.chosen(settings, area);
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(settings.stateConfig())) {
            for (String a : areas) {
                List<RunRecord> runs = state.runs().recent(a, limit);
                out.printf("%s: %s%n", a, runs.isEmpty() ? "no runs" : runs.size() + " latest run(s), newest first");
                runs.forEach(run -> out.println("  " + line(run)));
            }
        }
        out.flush();
        return 0;
    }

    /** start  end  duration  outcome  counts; requests; run id. */
    static String line(RunRecord run) {
        RunCounts c = run.counts();
        String took = run.finishedAt() == null ? "-"
                : String.format("%.1f s", Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0);
        return String.format("%s  %s  %8s  %-9s  read %d, filtered %d, unchanged %d, written %d, failed %d,"
                        + " waiting %d, held %d, conflicts %d, still failing %d; requests crm %d, erp %d; run %s",
                run.startedAt(), run.finishedAt() == null ? "(not finished)" : run.finishedAt(), took, run.outcome(),
                c.read(), c.filtered(), c.unchanged(), c.written(), c.failed(), c.waiting(), c.held(), c.conflicts(),
                c.stillFailing(), run.requests().getOrDefault("crm", 0L), run.requests().getOrDefault("erp", 0L),
                run.runId());
    }
}
