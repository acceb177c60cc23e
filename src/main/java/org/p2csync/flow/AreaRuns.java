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

    public AreaRuns(Areas areas, CursorStore cursors, RunLifecycle lifecycle, PendingRecords pending,
            WrittenSources written) {
        this.areas = areas;
        this.cursors = cursors;
        this.lifecycle = lifecycle;
        this.pending = pending;
        this.written = written;
    }

    /** Runs over the application's state: its cursors, waiting records and record state. */
    public static AreaRuns of(Areas areas, StateStore state, RunLifecycle lifecycle) {
        return new AreaRuns(areas, state.cursors(), lifecycle, state.pending(), WrittenSources.of(state));
    }

    @Override
    public long run(String area, Function<ReadSpec, SourceReader> open, BatchSink sink) throws Exception {
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
