package org.p2csync.mapping;

import java.util.Map;
import java.util.Optional;

/** Target keys that other areas have already synced, e.g. the customer account behind a quote's account id. */
public interface Lookups {
    /** For mappings without lookups, and for tests: nothing is ever synced. */
    Lookups NONE = (area, sourceRef) -> Optional.empty();

    /**
     * The target key {@code area} wrote for the record behind {@code sourceRef} (its source id or natural key), key
     * fields in key order; empty when that record has not been synced yet.
     */
    Optional<Map<String, Object>> targetKey(String area, String sourceRef);
}
