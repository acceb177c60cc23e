package org.p2csync.sync;

import java.util.Map;
import java.util.Optional;

/** The entity sets of one service (keys, fields, navigation): read from its $metadata, or built from its schema. */
public record EntitySetCatalog(Map<String, EntitySetInfo> sets) implements FieldCatalog {
    public EntitySetCatalog {
        sets = Map.copyOf(sets);
    }

    @Override
    public Optional<EntitySetInfo> entitySet(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    @Override
    public Optional<Map<String, FieldInfo>> fields(String entitySet) {
        return entitySet(entitySet).map(EntitySetInfo::fields);
    }
}
