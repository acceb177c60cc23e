package org.p2csync.flow;

import java.util.ArrayList;
import java.util.List;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records waiting for a reference go first in a run, re-read by id, so they are written as soon as their reference
 * exists even if they never change again. Their pages end at the cursor the run starts from: the cursor does not
 * move, the normal pages follow. Ids the source no longer returns were deleted there, and ids that are no ids of this
 * source (the mapping's source id changed since they started waiting) can never be read: both stop waiting.
 */
final class WaitingRecords {
    private static final Logger LOG = LoggerFactory.getLogger(WaitingRecords.class);
    /** Waiting records re-read per run; the rest follow on later runs, oldest first. */
    static final int MAX_PER_RUN = 5000;

    private final PendingRecords pending;

    WaitingRecords(PendingRecords pending) {
        this.pending = pending;
    }

    void reRead(RunInProgress run, ReadSpec spec, SourceReader source, Cursor end) throws Exception {
        String area = run.area();
        List<String> ids = pending.pending(area, MAX_PER_RUN);
        if (ids.isEmpty()) {
            return;
        }
        LOG.info("{}: re-reading {} records waiting for a reference", area, ids.size());
        List<String> gone = new ArrayList<>();
        int chunk = source.idsPerRead();
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            SourceReader.ReadBack back = source.readByIds(part);
            for (String id : back.unreadable()) {
                LOG.warn("{}: waiting record {} has no id of the form {} of {}; it cannot be read again", area, id,
                        spec.idFields(), spec.entitySet());
            }
            gone.addAll(back.unreadable());
            gone.addAll(back.gone());
            LOG.info("{}: re-read {} of {} waiting records", area, back.found().size(), part.size());
            if (!back.found().isEmpty()) {
                run.hand(back.found(), end, false);
            }
        }
        if (!gone.isEmpty()) {
            LOG.info("{}: {} waiting records no longer exist at the source (deleted there); no longer waiting: {}",
                    area, gone.size(), gone);
            pending.dropped(area, gone);
        }
    }
}
