package org.p2csync.state;

import java.util.Collection;
import java.util.List;

/**
 * Held documents per area: added when a run holds a record, removed once a run finds it otherwise (written, unchanged,
 * filtered, failed, waiting). Unlike waiting records they are not re-read: they flow again when their source changes.
 */
public interface HeldStore {
    /** Adds these held records or refreshes their reason, key and run (keeping since), in one transaction. */
    void hold(Collection<HeldRecord> records);

    /** Removes records no longer held, by source id. */
    void release(String area, Collection<String> sourceIds);

    /** The area's held records, longest held first. */
    List<HeldRecord> list(String area, int limit);

    long count(String area);

    /**
     * Of these source ids, the held records that carry a payload hash (held at a read-only target), by source id:
     * one query.
     */
    java.util.Map<String, HeldRecord> heldWithPayload(String area, Collection<String> sourceIds);
}
