package org.p2csync.state;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Records that failed, per area, until a later run writes them. */
public interface ErrorStore {
    void record(String runId, String area, String recordKey, String stage, String reason, String payload);

    /** Records a page's errors in one transaction. */
    void recordAll(List<ErrorRow> rows);

    /** The area's unresolved errors, oldest first. */
    List<ErrorRow> open(String area, int limit);

    /**
     * The source fingerprint of the latest open error of each of these source records, for records whose latest open
     * error has one ({@link ErrorRow#sourceFingerprint}) and that are not waiting: a record in the pending table
     * (scheduled by `retry`, or waiting for a reference) is to be mapped again whatever its row. One query for the
     * whole collection.
     */
    Map<String, String> stillFailing(String area, Collection<String> sourceIds);

    /** Marks the open errors of these records resolved: they were written since. */
    void resolve(String area, Collection<String> recordKeys);

    long countOpen(String area);

    /**
     * How many of the area's records failed at or after {@code since}, resolved since or not: what an alert rule
     * counts. A record that failed twice counts once.
     */
    long failedRecordsSince(String area, Instant since);
}
