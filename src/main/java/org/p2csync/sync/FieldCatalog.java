package org.p2csync.sync;

import java.util.Map;
import java.util.Optional;

/**
 * What each entity set of one service has (keys, fields, navigation), so mappings are checked before any record
 * moves. Built from a live service's $metadata at start, or offline from the real schemas.
 */
public interface FieldCatalog {
    /** The properties of an entity set by name, or empty when the service has no such set. */
    Optional<Map<String, FieldInfo>> fields(String entitySet);

    /**
     * The entity set with its keys and navigation, or empty when the service has no such set. A catalog that knows
     * fields only answers with keys and navigation unknown.
     */
    default Optional<EntitySetInfo> entitySet(String name) {
        return fields(name).map(f -> EntitySetInfo.ofFields(name, f));
    }
}
