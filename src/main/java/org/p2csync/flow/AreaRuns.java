package org.p2csync.flow;

import java.util.function.Function;
import org.p2csync.state.StateStore;
import org.p2csync.sync.AreaReader;
import org.p2csync.sync.Areas;
import org.p2csync.sync.BatchSink;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RunLifecycle;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs of areas, as source endpoints start them: opens the run, re-reads waiting records, reads with the area's
 * strategy (change tracking, a timestamp watermark, or in full) through the one {@link PageLoop}, and closes the run
 * as aborted when it cannot finish. A run that reaches its last batch is closed by the route's commit step, after
 * that batch's hashes and cursor are stored.
 */
public final class AreaRuns implements AreaReader {
    private static final Logger LOG = LoggerFactory.getLogger(AreaRuns.class);

    private final Areas areas;
    private final CursorStore cursors;
    private final RunLifecycle lifecycle;
    private final PendingRecords pending;
    private final WrittenSources written;
    private final RunGate gate;

    /** Runs that nothing holds back. */
    public AreaRuns(Areas areas, CursorStore cursors, RunLifecycle lifecycle, PendingRecords pending,
            WrittenSources written) {
        this(areas, cursors, lifecycle, pending, written, RunGate.OPEN);
    }

    /** @param gate asked first at every run; when it holds the run back, nothing is opened or read */
    public AreaRuns(Areas areas, CursorStore cursors, RunLifecycle lifecycle, PendingRecords pending,
            WrittenSources written, RunGate gate) {
        this.areas = areas;
        this.cursors = cursors;
        this.lifecycle = lifecycle;
        this.pending = pending;
        this.written = written;
        this.gate = gate;
    }

    /** Runs over the application's state: its cursors, waiting records, record state and pause switches. */
    public static AreaRuns of(Areas areas, StateStore state, RunLedger ledger) {
        return new AreaRuns(areas, state.cursors(), ledger, state.pending(), WrittenSources.of(state),
                new PauseGate(state.pauses(), ledger));
    }

    /**
     * Runs of a dry run ({@code plan}): they read from the stored cursors and re-read the waiting records as a sync
     * would, and move or forget none of them (a waiting record gone at the source stays waiting).
     */
    public static AreaRuns planning(Areas areas, StateStore state, RunLifecycle lifecycle) {
        CursorStore stored = state.cursors();
        PendingRecords waiting = state.pending();
        CursorStore readOnlyCursors = new CursorStore() {
            @Override
            public Cursor load(String area) {
                return stored.load(area);
            }

            @Override
            public void save(String area, Cursor cursor) {
                throw new IllegalStateException(area + ": a plan moves no cursor");
            }
        };
        PendingRecords readOnlyWaiting = new PendingRecords() {
            @Override
            public java.util.List<String> pending(String area, int limit) {
                return waiting.pending(area, limit);
            }

            @Override
            public void dropped(String area, java.util.Collection<String> sourceIds) {
                // a sync would forget them; a plan leaves the state as it is
            }
        };
        return new AreaRuns(areas, readOnlyCursors, lifecycle, readOnlyWaiting, WrittenSources.of(state));
    }

    @Override
    public long run(String area, Function<ReadSpec, SourceReader> open, BatchSink sink) throws Exception {
        if (gate.holdsBack(area)) {
            return 0;
        }
        ReadSpec spec = areas.readSpec(area);
        SourceReader source = open.apply(spec);
        String runId = lifecycle.begin(area);
        try {
            ReadStrategy strategy = strategy(area, spec, cursors.load(area), source);
            RunInProgress run = new RunInProgress(area, runId, sink);
            if (strategy.reReadsWaiting()) {
                new WaitingRecords(pending).reRead(run, spec, source, strategy.start());
            }
            new PageLoop(source).read(strategy, run);
            LOG.debug("{}: run {} read {} rows", area, runId, run.rows());
            return run.rows();
        } catch (Exception e) {
            LOG.warn("{}: run {} stopped: {}", area, runId, e.getMessage());
            lifecycle.abort(runId, e);
            throw e;
        }
    }

    private ReadStrategy strategy(String area, ReadSpec spec, Cursor stored, SourceReader source) {
        return switch (ReadStrategy.kindOf(spec)) {
            case CHANGE_TRACKING -> new ChangeTrackingRead(area, spec, stored, source);
            case WATERMARK -> new WatermarkRead(area, spec, stored, source);
            case FULL_READ -> new FullRead(area, stored, source, pending,
                    areas.actsOnDeletes(area) ? new VanishedRecords(area, source, written) : null);
        };
    }
}
