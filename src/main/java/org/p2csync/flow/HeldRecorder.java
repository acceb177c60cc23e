package org.p2csync.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.p2csync.state.HeldRecord;
import org.p2csync.state.HeldStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the held list of an area true after each page: documents the page held are recorded (with the run), every
 * other outcome of a record ends its hold. A held record is not re-read: its next read is when its source changes.
 */
final class HeldRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(HeldRecorder.class);

    private final HeldStore held;

    HeldRecorder(HeldStore held) {
        this.held = held;
    }

    void record(Batch batch) {
        List<HeldRecord> holding = new ArrayList<>();
        Set<String> released = new LinkedHashSet<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.HELD) {
                // mapped first (held at a read-only target): its hash, so the same payload stays held unasked
                holding.add(HeldRecord.held(batch.area(), item.sourceId(), item.displayKey(), item.reason(),
                        batch.runId()).withPayloadHash(item.target() == null ? null : item.hash()));
                LOG.info("{}: {} held: {}", batch.area(), item.displayKey(), item.reason());
            } else if (item.status() != ItemStatus.READ && item.status() != ItemStatus.READY
                    && item.status() != ItemStatus.STILL_FAILING) {
                released.add(item.sourceId());
            }
        }
        holding.forEach(h -> released.remove(h.sourceId()));
        held.release(batch.area(), released);
        held.hold(holding);
    }
}
