package org.p2csync.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.p2csync.state.HeldRecord;
import org.p2csync.state.HeldStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;

/**
 * For an area whose target has read-only states ({@code target.readOnlyWhen}): a record held because its target copy
 * was read-only, mapped now to the very payload it was held with, stays held with its reason, and the target is not
 * asked again. Without this an area read in full would read the copy of every such record every run, for nothing:
 * Dataverse gives an order that left Active no way back but its messages. A changed payload asks again. One query
 * per page with records to write.
 */
final class StillReadOnlyStep implements BatchStep {
    private final HeldStore held;

    StillReadOnlyStep(HeldStore held) {
        this.held = held;
    }

    @Override
    public Batch apply(Batch batch) {
        List<String> ids = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.READY)
                .map(Item::sourceId)
                .toList();
        if (ids.isEmpty()) {
            return batch;
        }
        Map<String, HeldRecord> heldAs = held.heldWithPayload(batch.area(), ids);
        if (heldAs.isEmpty()) {
            return batch;
        }
        return batch.mapItems(i -> i.status() == ItemStatus.READY && heldAs.containsKey(i.sourceId())
                && Objects.equals(heldAs.get(i.sourceId()).payloadHash(), i.hash())
                ? i.held(heldAs.get(i.sourceId()).reason()) : i);
    }
}
