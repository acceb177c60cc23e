package org.p2csync.odata;

import java.util.Map;
import java.util.Optional;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/** The entity sets of one service (keys, fields, navigation), as read from its $metadata. */
record ServiceCatalog(Map<String, EntitySetInfo> sets) implements FieldCatalog {
    ServiceCatalog {
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
