package org.p2csync.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;

/**
 * Marks records whose mapped payload hash equals the one last written as unchanged, so they cost no write. One
 * bulk lookup per page keeps this off the per-record path.
 */
final class SkipUnchangedStep implements BatchStep {
    private final RecordStateRepository recordState;

    SkipUnchangedStep(RecordStateRepository recordState) {
        this.recordState = recordState;
    }

    @Override
    public Batch apply(Batch batch) {
        List<String> keys = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.READY)
                .map(i -> i.target().keyString())
                .toList();
        if (keys.isEmpty()) {
            return batch;
        }
        Map<String, String> known = recordState.hashes(keys);
        return batch.mapItems(i -> isUnchanged(i, known) ? i.unchanged() : i);
    }

    private static boolean isUnchanged(Item item, Map<String, String> known) {
        return item.status() == ItemStatus.READY && Objects.equals(known.get(item.target().keyString()), item.hash());
    }
}
