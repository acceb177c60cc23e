package org.p2csync.state;

import java.util.List;
import org.p2csync.sync.Conflict;

/** The conflicts of two-way areas, per run: what the owner side overwrote. Purged with the runs they belong to. */
public interface ConflictStore {
    /** Records one page's conflicts of a run in one transaction, stamped now. */
    void record(String runId, String area, List<Conflict> conflicts);

    /** The area's latest conflicts, newest first. */
    List<ConflictRow> recent(String area, int limit);

    /** The conflicts recorded by one run, in the order detected. */
    List<ConflictRow> ofRun(String runId);
}
