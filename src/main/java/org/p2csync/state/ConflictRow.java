package org.p2csync.state;

import java.time.Instant;
import java.util.List;
import org.p2csync.sync.Conflict;

/**
 * A conflict as the run history keeps it: a record written although the other side had changed it too.
 *
 * @param recordKey the record as people know it (its natural key)
 * @param targetKey the target key as one string
 * @param fields each field with the value last written, the value found at the target and the value written now
 */
public record ConflictRow(
        long id, String runId, String area, String recordKey, String targetKey, Instant detectedAt,
        List<Conflict.Field> fields) {
    public ConflictRow {
        fields = List.copyOf(fields);
    }
}
