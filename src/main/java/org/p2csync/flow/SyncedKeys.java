package org.p2csync.flow;

import java.util.Collection;
import java.util.Map;
import org.p2csync.state.StateStore;

/** The target keys areas have written, by source id or natural key; read in bulk, one query per area and page. */
@FunctionalInterface
public interface SyncedKeys {
    /** The target key written by {@code area} for each reference that has one; see RecordStateRepository. */
    Map<String, Map<String, Object>> targetKeysBySource(String area, Collection<String> refs);

    static SyncedKeys of(StateStore state) {
        return (area, refs) -> state.recordState(area).targetKeysBySource(refs);
    }
}
