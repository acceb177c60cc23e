package org.p2csync.flow;

import org.p2csync.mapping.Lookups;
import org.p2csync.mapping.MapResult;
import org.p2csync.mapping.Mapping;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;

/** Applies an area's compiled mapping to every record read: filtered, failed, waiting or ready to write. */
final class MapStep implements BatchStep {
    private final Mapping mapping;
    private final Lookups lookups;

    MapStep(Mapping mapping, Lookups lookups) {
        this.mapping = mapping;
        this.lookups = lookups;
    }

    @Override
    public Batch apply(Batch batch) {
        return batch.mapItems(this::map);
    }

    private Item map(Item item) {
        if (item.status() != ItemStatus.READ) {
            return item;
        }
        MapResult result;
        try {
            result = mapping.apply(item.source(), lookups);
        } catch (RuntimeException e) {
            // A mapping bug must cost one record, not the page.
            return item.failed("map", "mapping error: " + e);
        }
        if (result instanceof MapResult.Mapped m) {
            return item.mapped(m.record(), m.hash());
        }
        if (result instanceof MapResult.Filtered f) {
            return item.filtered(f.reason());
        }
        if (result instanceof MapResult.Waiting w) {
            return item.waiting(w.reference());
        }
        MapResult.Failed failed = (MapResult.Failed) result;
        return item.failed("map", failed.field() + ": " + failed.reason());
    }
}
