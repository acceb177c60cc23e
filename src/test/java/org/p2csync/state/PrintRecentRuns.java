package org.p2csync.state;

import java.nio.file.Path;

/** A second process in {@link SecondProcessTest}: what the CLI does to show run history while the sync runs. */
public final class PrintRecentRuns {
    private PrintRecentRuns() {}

    public static void main(String[] args) {
        try (StateStore store = StateStore.open(StateStore.h2(Path.of(args[0])))) {
            store.runs().recent(args[1], 10).forEach(run -> System.out.println(run.runId() + " " + run.outcome()));
        }
    }
}
