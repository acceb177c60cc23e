package org.p2csync.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.p2csync.state.StateStore;
import org.p2csync.state.WrittenTarget;

/** The target keys areas have written, by source id or natural key; read in bulk, one query per area and page. */
@FunctionalInterface
public interface SyncedKeys {
    /** The target key written by {@code area} for each reference that has one; see RecordStateRepository. */
    Map<String, Map<String, Object>> targetKeysBySource(String area, Collection<String> refs);

    /**
     * As {@link #targetKeysBySource}, with the values the target assigned beside each key (null when never read
     * back); in one query too. This default knows only the keys.
     */
    default Map<String, WrittenTarget> targetsBySource(String area, Collection<String> refs) {
        Map<String, WrittenTarget> targets = new HashMap<>();
        targetKeysBySource(area, refs).forEach((ref, key) -> targets.put(ref, new WrittenTarget(key, null)));
        return targets;
    }

    static SyncedKeys of(StateStore state) {
        return new SyncedKeys() {
            @Override
            public Map<String, Map<String, Object>> targetKeysBySource(String area, Collection<String> refs) {
                return state.recordState(area).targetKeysBySource(refs);
            }

            @Override
            public Map<String, WrittenTarget> targetsBySource(String area, Collection<String> refs) {
                return state.recordState(area).targetsBySource(refs);
            }
        };
    }
}
