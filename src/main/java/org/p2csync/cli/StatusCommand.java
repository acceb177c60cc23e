package org.p2csync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.p2csync.app.AreaOrder;
import org.p2csync.app.ConfigurationException;
import org.p2csync.app.Settings;
import org.p2csync.app.SettingsLoader;
import org.p2csync.state.AreaStatus;
import org.p2csync.state.ConflictRow;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.HeldRecord;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;
import org.p2csync.sync.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `status`: per area, the last run, its recent conflicts, the open errors (the first few with stage and reason), the
 * records waiting for a reference and the documents held back by their mapping's require, from the state.
 */
@Command(name = "status", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Failures.USAGE,
        description = "Show per area the last run (time, outcome, counts), open errors, waiting records with the"
                + " references they wait for and held documents with the reason. Reads the state only; works while a"
                + " sync runs.")
final class StatusCommand implements Callable<Integer> {
    /** Missing references shown per area; the rest are counted. */
    static final int SHOWN_WAITING = 5;
    static final int SHOWN_ERRORS = 5;
    static final int SHOWN_HELD = 5;
    /** Latest conflicts shown per area. */
    static final int SHOWN_CONFLICTS = 5;
    private static final AreaStatus.Limits SHOWN =
            new AreaStatus.Limits(1, SHOWN_ERRORS, SHOWN_WAITING, SHOWN_HELD, SHOWN_CONFLICTS);

    @Option(names = "--area", paramLabel = "NAME", description = "Only this area. Default: every area of mappings/.")
    String area;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: ./application.properties).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = SettingsLoader.fromEnvironment().load(Optional.ofNullable(config));
        List<String> areas = area != null ? List.of(area) : AreaOrder.sort(mappedAreas(settings.mappingsDir()));
        PrintWriter out = spec.commandLine().getOut();
        try (StateStore state = StateStore.open(settings.stateConfig())) {
            boolean syncRunning = state.heldBySync();
            for (String a : areas) {
                print(out, AreaStatus.read(state, a, SHOWN), state, syncRunning);
            }
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, AreaStatus status, StateStore state, boolean syncRunning) {
        String area = status.area();
        out.println(area);
        Optional<RunRecord> last = status.lastRun();
        if (last.isEmpty()) {
            out.println("  last run:    never");
        } else {
            RunRecord run = last.get();
            RunCounts c = run.counts();
            // held, conflicts and records still failing concern documents, two-way areas and areas read in full
            // with open errors: the others keep their line as it always was
            out.printf("  last run:    %s %s (read %d, filtered %d, unchanged %d, written %d, failed %d, waiting %d"
                    + "%s%s%s)%n",
                    run.startedAt(), outcome(run, syncRunning), c.read(), c.filtered(), c.unchanged(), c.written(), c.failed(),
                    c.waiting(), c.held() == 0 ? "" : ", held " + c.held(),
                    c.conflicts() == 0 ? "" : ", conflicts " + c.conflicts(),
                    c.stillFailing() == 0 ? "" : ", still failing " + c.stillFailing());
        }
        printPause(out, status.area(), state);
        printConflicts(out, status.conflicts());
        long errors = status.openErrors();
        out.println("  open errors: " + errors);
        for (ErrorRow e : status.errors()) {
            out.printf("    %s: %s failed: %s (%s)%n", e.recordKey(), e.stage(), e.reason(), e.createdAt());
        }
        if (errors > SHOWN_ERRORS) {
            out.printf("    ... and %d more%n", errors - SHOWN_ERRORS);
        }
        if (errors > 0) {
            out.printf("    (they flow again when their source changes, in an area read in full also when its mapping"
                    + " changes; after fixing the cause elsewhere: retry --area %s)%n", area);
        }
        long waiting = status.waiting();
        out.println("  waiting:     " + waiting);
        for (PendingRecord p : status.waitingShown()) {
            out.printf("    %s: %s (since %s, %d attempts)%n",
                    p.sourceKey() == null ? p.sourceId() : p.sourceKey(), p.reason(), p.firstSeen(), p.attempts());
        }
        if (waiting > SHOWN_WAITING) {
            out.printf("    ... and %d more%n", waiting - SHOWN_WAITING);
        }
        printHeld(out, status);
    }

    /** Whether the area is paused (by whom, why) and its alert rule, as the state holds them for every instance. */
    private static void printPause(PrintWriter out, String area, StateStore state) {
        state.pauses().current(area).ifPresent(p -> out.printf("  paused:      %s (resume --area %s)%n",
                p.describe(), area));
        state.alertRules().rule(area).ifPresent(r -> out.println("  alert rule:  " + r.describe()));
    }

    /** A run still Running while no sync holds the state was cut short by a crash: the next sync marks it so. */
    private static String outcome(RunRecord run, boolean syncRunning) {
        return run.running() && !syncRunning ? RunRecord.ABANDONED : run.outcome();
    }

    /** Documents not sent because a line fails the mapping's require: a business rule, not an error to fix here. */
    private static void printHeld(PrintWriter out, AreaStatus status) {
        long held = status.held();
        out.println("  held:        " + held);
        for (HeldRecord h : status.heldShown()) {
            out.printf("    %s: held: %s (since %s, run %s)%n", h.recordKey(), h.reason(), h.since(), h.runId());
        }
        if (held > SHOWN_HELD) {
            out.printf("    ... and %d more%n", held - SHOWN_HELD);
        }
        if (held > 0) {
            out.println("    (not sent at all, header nor lines; they flow when their source changes so that every"
                    + " line meets the mapping's require)");
        }
    }

    /** The latest conflicts (two-way areas): which record, which fields, found at the target vs written. */
    private static void printConflicts(PrintWriter out, List<ConflictRow> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        out.println("  recent conflicts (changed at the target too; the owner's values were written):");
        for (ConflictRow c : conflicts) {
            out.printf("    %s %s: %s%n", c.detectedAt(), c.recordKey(), c.fields().stream()
                    .map(f -> f.name() + " found " + shown(f.found()) + ", written " + shown(f.written()))
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String shown(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    /** The areas of the mapping files in the folder (not its shared/ tables). */
    static List<String> mappedAreas(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigurationException(
                    "mappings folder " + dir.toAbsolutePath() + " does not exist (set p2c.mappings, or use --area)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list mapping folder " + dir, e);
        }
    }
}
