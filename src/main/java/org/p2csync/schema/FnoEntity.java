package org.p2csync.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One F&amp;O OData entity set: its key (always starting with, or including, {@code dataAreaId}), its fields and
 * its navigation properties.
 *
 * @param keys the key fields in the order the service declares them
 * @param fields by name, in the service's order
 * @param navigation by name
 */
public record FnoEntity(String entitySet, List<String> keys, Map<String, FnoField> fields,
                        Map<String, FnoNavigation> navigation) {
    public FnoEntity {
        keys = List.copyOf(keys);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        navigation = Collections.unmodifiableMap(new LinkedHashMap<>(navigation));
    }

    public Optional<FnoField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Fields an incremental read could follow: none of the Prospect-to-cash entities has one (REAL-SERVICES.md). */
    public boolean hasField(String name) {
        return fields.containsKey(name);
    }
}
