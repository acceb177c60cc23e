package org.p2csync.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an area wrote for a record, as other areas' lookups resolve it.
 *
 * @param targetKey the target key fields in key order
 * @param assigned the values the target assigned to the record (mapping {@code target.assigned}) as read back after
 *     writing, values possibly null; null when they were never read back (not yet, or the area assigns none)
 */
public record WrittenTarget(Map<String, Object> targetKey, Map<String, Object> assigned) {
    public WrittenTarget {
        targetKey = Collections.unmodifiableMap(new LinkedHashMap<>(targetKey));
        assigned = assigned == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(assigned));
    }
}
