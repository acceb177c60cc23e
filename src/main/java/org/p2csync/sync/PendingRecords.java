package org.p2csync.sync;

import java.util.Collection;
import java.util.List;

/**
 * Records of an area that wait for a reference another area has not synced yet. The engine re-reads them by id at
 * the start of each run, before its normal pages (a full read reads them anyway), so they are written once their reference exists even
 * if they never change again. The application registers one instance in the Camel registry.
 */
public interface PendingRecords {
    /** An application without waiting records (nothing ever waits). */
    PendingRecords NONE = new PendingRecords() {
        @Override
        public List<String> pending(String area, int limit) {
            return List.of();
        }

        @Override
        public void dropped(String area, Collection<String> sourceIds) {}
    };

    /** The source ids of the area's waiting records, oldest first, at most {@code limit}. */
    List<String> pending(String area, int limit);

    /** Forgets waiting records the source no longer has (deleted there): there is nothing left to retry. */
    void dropped(String area, Collection<String> sourceIds);
}
