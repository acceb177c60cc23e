package org.p2csync.mapping;

import java.util.Optional;

/** Target keys that other areas have already synced, e.g. the customer account behind a quote's account id. */
public interface Lookups {
    /** For mappings without lookups, and for tests: nothing is ever synced. */
    Lookups NONE = (area, sourceKey) -> Optional.empty();

    /** The target key written for {@code sourceKey} by {@code area}, or empty when it has not been synced yet. */
    Optional<String> targetKey(String area, String sourceKey);
}
