package org.p2csync.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.p2csync.flow.AreaRuns;
import org.p2csync.sync.Areas;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RunLifecycle;
import org.p2csync.sync.SourceReader;

/**
 * The application's side of a run, kept in memory for component tests: one area ("a"), its cursor, its runs, the
 * records it wrote; and the engine ({@link AreaRuns}) over them, as the application registers it.
 */
final class RunBook implements Areas, CursorStore, RunLifecycle {
    static final ReadSpec ACCOUNTS = new ReadSpec("accounts", "accountid", "accountnumber", "modifiedon",
            List.of("accountid", "accountnumber", "modifiedon", "name"));

    /** What area "a" reads; a test may switch it, e.g. to change tracking. */
    volatile ReadSpec spec = ACCOUNTS;
    /** Whether area "a" acts on deletes (its onDelete is not ignore). */
    volatile boolean actsOnDeletes;
    volatile PendingRecords pending = PendingRecords.NONE;
    /** The records area "a" wrote: source id -> source key. */
    final Map<String, String> written = new ConcurrentHashMap<>();
    final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    final List<String> begun = new CopyOnWriteArrayList<>();
    final Map<String, Exception> aborted = new ConcurrentHashMap<>();

    @Override
    public ReadSpec readSpec(String area) {
        if (!area.equals("a")) {
            throw new IllegalArgumentException("no mapping for area " + area);
        }
        return spec;
    }

    @Override
    public boolean actsOnDeletes(String area) {
        return actsOnDeletes;
    }

    @Override
    public Cursor load(String area) {
        return cursors.getOrDefault(area, Cursor.START);
    }

    @Override
    public void save(String area, Cursor cursor) {
        cursors.put(area, cursor);
    }

    @Override
    public String begin(String area) {
        String runId = area + "-" + (begun.size() + 1);
        begun.add(runId);
        return runId;
    }

    @Override
    public void abort(String runId, Exception cause) {
        aborted.put(runId, cause);
    }

    /** The engine over this book, as the application registers it for source endpoints. */
    AreaRuns engine() {
        return new AreaRuns(this, this, this, pending, area -> new java.util.HashMap<>(written));
    }

    /** One run of area "a" by the engine over {@code source}, each page's cursor committed: the pages handed on. */
    List<Batch> run(SourceReader source) throws Exception {
        List<Batch> batches = new ArrayList<>();
        engine().run("a", spec -> source, batch -> {
            if (!batch.end().isStart()) {
                save(batch.area(), batch.end());
            }
            batches.add(batch);
        });
        return batches;
    }
}
