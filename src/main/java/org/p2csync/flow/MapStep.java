package org.p2csync.flow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.p2csync.mapping.Lookups;
import org.p2csync.mapping.MapResult;
import org.p2csync.mapping.Mapping;
import org.p2csync.state.WrittenTarget;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.TargetRecord;

/**
 * Applies an area's compiled mapping to every record read: filtered, held, failed, waiting or ready to write. The keys
 * its lookups need are fetched before the page is mapped, in one query per referenced area, never per record.
 */
final class MapStep implements BatchStep {
    private final Mapping mapping;
    private final SyncedKeys syncedKeys;
    private final Function<String, List<String>> assignedFields;

    /** For mappings whose lookups name only target key fields. */
    MapStep(Mapping mapping, SyncedKeys syncedKeys) {
        this(mapping, syncedKeys, area -> List.of());
    }

    /** @param assignedFields per referenced area, the target fields its service assigns ({@code target.assigned}) */
    MapStep(Mapping mapping, SyncedKeys syncedKeys, Function<String, List<String>> assignedFields) {
        this.mapping = mapping;
        this.syncedKeys = syncedKeys;
        this.assignedFields = assignedFields;
    }

    @Override
    public Batch apply(Batch batch) {
        Lookups lookups = prefetch(batch);
        Map<String, Map<String, Object>> deletedKeys = deletedKeys(batch);
        return batch.mapItems(item -> item.status() == ItemStatus.DELETED
                ? mapDeleted(item, deletedKeys.get(item.sourceId()))
                : map(item, lookups));
    }

    /** The target keys this area wrote for the page's records deleted at the source, in one query. */
    private Map<String, Map<String, Object>> deletedKeys(Batch batch) {
        Set<String> ids = new LinkedHashSet<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.DELETED) {
                ids.add(item.sourceId());
            }
        }
        return ids.isEmpty() ? Map.of() : syncedKeys.targetKeysBySource(mapping.area(), ids);
    }

    /** A source delete becomes what the mapping's delete policy says: nothing, a deactivating upsert or a delete. */
    private Item mapDeleted(Item item, Map<String, Object> targetKey) {
        MapResult result = mapping.mapDeleted(targetKey);
        if (result instanceof MapResult.Mapped m) {
            return item.mapped(stateKeyed(m.record(), item), m.hash());
        }
        return item.filtered(((MapResult.Filtered) result).reason());
    }

    /** Reads the target keys of every reference on the page, grouped by the area that synced them. */
    private Lookups prefetch(Batch batch) {
        if (mapping.lookups().isEmpty()) {
            return Lookups.NONE;
        }
        Map<String, Set<String>> refsByArea = new LinkedHashMap<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.READ) {
                mapping.references(item.source()).forEach(
                        (area, refs) -> refsByArea.computeIfAbsent(area, a -> new LinkedHashSet<>()).addAll(refs));
            }
        }
        Map<String, Map<String, WrittenTarget>> targets = new HashMap<>();
        refsByArea.forEach((area, refs) -> targets.put(area, refs.isEmpty() ? Map.of()
                : syncedKeys.targetsBySource(area, refs)));
        return new Lookups() {
            @Override
            public Optional<Map<String, Object>> targetKey(String area, String ref) {
                return Optional.ofNullable(targets.getOrDefault(area, Map.of()).get(ref)).map(WrittenTarget::targetKey);
            }

            @Override
            public Map<String, Object> assignedValues(String area, String ref) {
                return AssignedValues.of(assignedFields.apply(area), targets.getOrDefault(area, Map.of()).get(ref));
            }
        };
    }

    private Item map(Item item, Lookups lookups) {
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
            return item.mapped(stateKeyed(m.record(), item), m.hash());
        }
        if (result instanceof MapResult.Filtered f) {
            return item.filtered(f.reason());
        }
        if (result instanceof MapResult.Waiting w) {
            return item.waiting(w.reference());
        }
        if (result instanceof MapResult.Held h) {
            return item.held(h.reason());
        }
        MapResult.Failed failed = (MapResult.Failed) result;
        return item.failed("map", failed.field() + ": " + failed.reason());
    }

    /** A target record several source records write keeps one record state per source record (target.shared). */
    private TargetRecord stateKeyed(TargetRecord record, Item item) {
        return mapping.target().shared() ? record.withRecordKey(item.sourceId()) : record;
    }
}
