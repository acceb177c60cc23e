package org.p2csync.state;

import java.util.List;
import java.util.Optional;
import org.p2csync.sync.Cursor;

/**
 * What the state says of one area, as `status` prints it and the status page shows it: its latest runs, cursor, open
 * errors, waiting and held records and recent conflicts; the first few of each, the rest counted. Read in one go so
 * the two views cannot drift apart.
 *
 * @param runs newest first; the first may still be Running
 */
public record AreaStatus(
        String area, List<RunRecord> runs, Cursor cursor, long openErrors, List<ErrorRow> errors, long waiting,
        List<PendingRecord> waitingShown, long held, List<HeldRecord> heldShown, List<ConflictRow> conflicts) {

    /** How many of each list to read. */
    public record Limits(int runs, int errors, int waiting, int held, int conflicts) {}

    public AreaStatus {
        runs = List.copyOf(runs);
        errors = List.copyOf(errors);
        waitingShown = List.copyOf(waitingShown);
        heldShown = List.copyOf(heldShown);
        conflicts = List.copyOf(conflicts);
    }

    public static AreaStatus read(StateStore state, String area, Limits limits) {
        return new AreaStatus(area, state.runs().recent(area, limits.runs()), state.cursors().load(area),
                state.errors().countOpen(area), state.errors().open(area, limits.errors()), state.pending().count(area),
                state.pending().list(area, limits.waiting()), state.held().count(area),
                state.held().list(area, limits.held()), state.conflicts().recent(area, limits.conflicts()));
    }

    public Optional<RunRecord> lastRun() {
        return runs.stream().findFirst();
    }
}
