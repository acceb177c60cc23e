package org.p2csync.state;

import java.util.Collection;
import java.util.List;

/** Records that failed, per area, until a later run writes them. */
public interface ErrorStore {
    void record(String runId, String area, String recordKey, String stage, String reason, String payload);

    /** Records a page's errors in one transaction. */
    void recordAll(List<ErrorRow> rows);

    /** The area's unresolved errors, oldest first. */
    List<ErrorRow> open(String area, int limit);

    /** Marks the open errors of these records resolved: they were written since. */
    void resolve(String area, Collection<String> recordKeys);

    long countOpen(String area);
}
