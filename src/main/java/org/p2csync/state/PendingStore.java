package org.p2csync.state;

import java.util.Collection;
import java.util.List;
import org.p2csync.sync.PendingRecords;

/** Waiting records per area: added when a record waits, removed once it is written, unchanged or filtered. */
public interface PendingStore extends PendingRecords {
    /** Adds or refreshes these waiting records (one more attempt each), in one transaction. */
    void waiting(Collection<PendingRecord> records);

    /** Removes records that no longer wait: they were written, found unchanged or filtered out. */
    void resolve(String area, Collection<String> sourceIds);

    /** The area's waiting records, oldest first. */
    List<PendingRecord> list(String area, int limit);

    long count(String area);

    /** How many runs each of these records has waited so far (absent: not waiting). */
    java.util.Map<String, Integer> attempts(String area, Collection<String> sourceIds);
}
