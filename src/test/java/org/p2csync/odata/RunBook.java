package org.p2csync.odata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.p2csync.sync.Areas;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RunLifecycle;

/** The application's side of a run, kept in memory for component tests: one area, its cursor, its runs. */
final class RunBook implements Areas, CursorStore, RunLifecycle {
    static final ReadSpec ACCOUNTS = new ReadSpec("accounts", "accountid", "accountnumber", "modifiedon",
            List.of("accountid", "accountnumber", "modifiedon", "name"));

    /** What area "a" reads; a test may switch it, e.g. to change tracking. */
    volatile ReadSpec spec = ACCOUNTS;
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
}
