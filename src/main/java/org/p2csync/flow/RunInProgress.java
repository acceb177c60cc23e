package org.p2csync.flow;

import java.util.List;
import org.p2csync.sync.Batch;
import org.p2csync.sync.BatchSink;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One open run of an area: hands its pages on as batches and keeps the tally the log shows. */
final class RunInProgress {
    private static final Logger LOG = LoggerFactory.getLogger(RunInProgress.class);

    private final String area;
    private final String runId;
    private final BatchSink sink;
    private final long began = System.nanoTime();
    private long batches;
    private long rows;
    /** Set when the read proper starts (after re-read waiting records): its progress against the source's count. */
    private ReadProgress progress;

    RunInProgress(String area, String runId, BatchSink sink) {
        this.area = area;
        this.runId = runId;
        this.sink = sink;
    }

    String area() {
        return area;
    }

    String runId() {
        return runId;
    }

    /** Hands one page on; it returns once the route has committed it (or throws, which ends the run). */
    void hand(List<Item> items, Cursor end, boolean last) throws Exception {
        sink.accept(new Batch(area, runId, items, end, last));
        batches++;
        rows += items.size();
        double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
        LOG.debug("{}: page {}: {} rows, {} in total, {} rows/s", area, batches, items.size(), rows,
                Math.round(rows / seconds));
        if (progress != null) {
            progress.add(items.size());
        }
    }

    /** The read proper starts; {@code total} is what the source counted for it, or null. */
    void expect(Long total) {
        java.io.Console console = System.console();
        progress = new ReadProgress(area, total, System::nanoTime, line -> LOG.info("{}", line),
                console == null ? null : console.writer());
    }

    /** The read proper has ended (ends a progress bar's line). */
    void readDone() {
        if (progress != null) {
            progress.finish();
        }
    }

    /** Records handed on so far. */
    long rows() {
        return rows;
    }
}
