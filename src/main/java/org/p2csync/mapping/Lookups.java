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

    /**
     * The values the target assigned to that record ({@code target.assigned} of {@code area}, e.g. the customer's
     * PartyNumber) as {@code area} read them back: every assigned field of the area, its value null while not known
     * (not read back yet, or the target had none). Empty for an area whose target assigns nothing.
     */
    default Map<String, Object> assignedValues(String area, String sourceRef) {
        return Map.of();
    }
}
