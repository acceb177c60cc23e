package org.p2csync.odata;

import java.util.Map;
import java.util.Optional;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/** The fields of each entity set of one service, as read from its $metadata. */
record ServiceCatalog(Map<String, Map<String, FieldInfo>> sets) implements FieldCatalog {
    ServiceCatalog {
        sets = Map.copyOf(sets);
    }

    @Override
    public Optional<Map<String, FieldInfo>> fields(String entitySet) {
        return Optional.ofNullable(sets.get(entitySet));
    }
}
