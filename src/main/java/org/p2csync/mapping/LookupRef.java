package org.p2csync.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * One lookup a mapping makes: the values of {@code sourceField} are source ids or natural keys of records that
 * {@code area} synced. A route prefetches them once per page and area.
 */
public record LookupRef(String area, String sourceField) {
    /** The reference in a source row, as the lookup will ask for it; empty when the row has none. */
    public Optional<String> refIn(Map<String, Object> row) {
        Object value = row.get(sourceField);
        return Values.isEmpty(value) ? Optional.empty() : Optional.of(Values.text(value));
    }
}
